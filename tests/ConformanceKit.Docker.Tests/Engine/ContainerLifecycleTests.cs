using System.Net.Sockets;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

public sealed class ContainerLifecycleTests
{
    [Test]
    public async Task Inspect_AfterStart_ReportsRunningWithPidAndLabels()
    {
        // Given a started busybox container with a host name
        await using var container = await EngineSession.StartAsync(new ContainerSpec(EngineSession.Image) { Hostname = "ck-life" }, "sleep", "300");

        // When it is inspected
        var info = await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout());

        // Then it runs, has a host pid and carries the session label
        info.ShouldNotBeNull();
        info.Id.ShouldBe(container.Id);
        info.State.Running.ShouldBeTrue();
        info.State.Status.ShouldBe("running");
        info.State.Pid.ShouldBeGreaterThan(0);
        info.Labels[EngineSession.SessionLabel].ShouldBe(EngineSession.Id);
        info.Tty.ShouldBeFalse();
    }

    [Test]
    public async Task Wait_ForAContainerThatExits_ReturnsItsExitCode()
    {
        // Given a container whose command exits with 7
        await using var container = await EngineSession.StartAsync(null, "sh", "-c", "exit 7");

        // When we wait for it
        var exitCode = await EngineSession.Client.WaitContainerAsync(container.Id, EngineSession.Timeout());

        // Then the exit code and the exited state are reported
        exitCode.ShouldBe(7);
        var info = await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout());
        info!.State.Running.ShouldBeFalse();
        info.State.Status.ShouldBe("exited");
        info.State.ExitCode.ShouldBe(7);
        info.State.FinishedAt.ShouldNotBeNull();
    }

    [Test]
    public async Task PublishedPort_WithHttpdInside_AnswersOnTheMappedLoopbackPort()
    {
        // Given busybox httpd serving a page on container port 8080, published on a random 127.0.0.1 port
        var token = Guid.NewGuid().ToString("N");
        var spec = new ContainerSpec(EngineSession.Image) { ExposedPorts = ["8080/tcp"] };
        await using var container = await EngineSession.StartAsync(spec, "sh", "-c",
            $"mkdir -p /www && echo {token} > /www/index.html && exec httpd -f -p 8080 -h /www");
        var info = await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout());
        var hostPort = info!.HostPort(8080);

        // When the host fetches the page through the mapped port
        var body = await Http.GetUntilAnswerAsync(new Uri($"http://127.0.0.1:{hostPort}/index.html"), TimeSpan.FromSeconds(30));

        // Then the container's page comes back; an unpublished port has no mapping
        hostPort.ShouldBeGreaterThan(0);
        body.Trim().ShouldBe(token);
        Should.Throw<InvalidOperationException>(() => info.HostPort(9090)).Message.ShouldContain("9090/tcp");
    }

    [Test]
    public async Task Stop_ThenRemove_EndsTheContainerAndForgetsIt()
    {
        // Given a running container with a published port
        var spec = new ContainerSpec(EngineSession.Image) { ExposedPorts = ["8080"] };
        await using var container = await EngineSession.StartAsync(spec, "sleep", "300");
        var port = (await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout()))!.HostPort(8080);

        // When it is stopped (sleep as pid 1 ignores SIGTERM, so the timeout kills it) and removed
        await EngineSession.Client.StopContainerAsync(container.Id, TimeSpan.FromSeconds(1), EngineSession.Timeout());
        var stopped = await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout());
        var removed = await EngineSession.Client.RemoveContainerAsync(container.Id, cancellationToken: EngineSession.Timeout());
        var removedAgain = await EngineSession.Client.RemoveContainerAsync(container.Id, cancellationToken: EngineSession.Timeout());

        // Then it had stopped, the first remove found it, the second did not, inspect no longer finds it, nor does the port answer
        stopped!.State.Running.ShouldBeFalse();
        removed.ShouldBeTrue();
        removedAgain.ShouldBeFalse();
        (await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout())).ShouldBeNull();
        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port, EngineSession.Timeout(10)).AsTask());
    }
}
