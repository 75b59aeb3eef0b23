using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: what StartAsync says when a (stand-in) k3s never becomes ready or exits while waiting.</summary>
public sealed class ReadinessMessageTests
{
    [Test]
    public async Task Start_ServerThatServesNothing_TimesOutNamingReadyzWithLastLogs()
    {
        // Given a stand-in that writes a kubeconfig, logs the started line and a marker, and serves nothing on 6443
        var engine = await Engine.GetAsync();
        var options = Engine.StartedStandIn(KubeconfigReadTests.Writes(KubeconfigReadTests.K3sStyleKubeconfig) + "echo stand-in-serves-nothing; exec sleep 300");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(engine, options, null, keep: false, CancellationToken.None));

        // Then the message names the deadline, what was not ready and the last log lines; the container is gone
        error.Message.ShouldContain("not ready within '00:00:06'");
        error.Message.ShouldContain("/readyz");
        error.Message.ShouldContain("stand-in-serves-nothing");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_WithoutKubeconfig_TimesOutNamingTheKubeconfigNotReadyz()
    {
        // Given a stand-in that logs the started line but never writes a kubeconfig
        var engine = await Engine.GetAsync();
        var options = Engine.StartedStandIn("echo no-kubeconfig-here; exec sleep 300");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(engine, options, null, keep: false, CancellationToken.None));

        // Then the message names the kubeconfig stage (not /readyz) and shows the logs
        error.Message.ShouldContain($"write its kubeconfig {K3sCluster.KubeconfigPath}");
        error.Message.ShouldNotContain("/readyz");
        error.Message.ShouldContain("no-kubeconfig-here");
    }

    [Test]
    public async Task Start_NeverLogsTheStartedLine_TimesOutNamingTestcontainersWait()
    {
        // Given a stand-in that runs but never logs what K3sBuilder's wait looks for
        var engine = await Engine.GetAsync();
        var options = Engine.StandIn("sh", "-c", "echo still-booting; exec sleep 300");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(engine, options, null, keep: false, CancellationToken.None));

        // Then the message names the module's wait and the last log lines, and nothing remains
        error.Message.ShouldContain($"the k3s container to start and log '{K3sCluster.StartedMessage}'");
        error.Message.ShouldContain("not ready within");
        error.Message.ShouldContain("still-booting");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_ContainerExitsWhileWaiting_ReportsExitCodeAndLastLogs()
    {
        // Given a stand-in that logs and exits with code 3 once told to, and is told to as soon as the kubeconfig
        // wait has begun (the gate logs each wait as it starts)
        var engine = await Engine.GetAsync();
        var name = $"ck-plumbing-{Guid.NewGuid():N}";
        Task? release = null;
        var options = Engine.StartedStandIn("echo k3s-is-failing-now; while [ ! -f /tmp/exit-now ]; do sleep 0.1; done; exit 3") with
        {
            ReadyTimeout = TimeSpan.FromMinutes(1),
            ContainerName = name,
            Log = line =>
            {
                if (line.StartsWith("waiting for k3s to write its kubeconfig", StringComparison.Ordinal))
                {
                    release = TouchAsync(name, "/tmp/exit-now");
                }
            },
        };

        // When it is started as a k3s cluster
        var started = DateTimeOffset.UtcNow;
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(engine, options, null, keep: false, CancellationToken.None));
        (release is not null).ShouldBeTrue("the gate should have logged the start of its kubeconfig wait");
        try
        {
            await release!;
        }
        catch (Docker.DotNet.DockerApiException)
        {
            // The container may exit (and be removed) before the exec that released it reports back.
        }

        // Then the exit is reported at once (not after the deadline) with its code and logs, and nothing remains
        error.Message.ShouldContain("exited with code 3 while waiting for k3s to write its kubeconfig");
        error.Message.ShouldContain("k3s-is-failing-now");
        error.Message.ShouldNotContain("not ready within");
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_ContainerExitsAtOnce_ReportsExitCodeAndLastLogs()
    {
        // Given a stand-in that logs and exits with code 3 immediately
        var engine = await Engine.GetAsync();
        var options = Engine.StandIn("sh", "-c", "echo gone-at-once; exit 3");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(engine, options, null, keep: false, CancellationToken.None));

        // Then the exit code and logs are reported (not a timeout), and nothing remains
        error.Message.ShouldContain("exited with code 3");
        error.Message.ShouldContain("gone-at-once");
        error.Message.ShouldNotContain("not ready within");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    private static async Task TouchAsync(string container, string path)
    {
        var engine = await Engine.GetAsync();
        var exec = await engine.Client.Exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters { Cmd = ["touch", path] });
        using var stream = await engine.Client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters());
        await stream.ReadOutputToEndAsync(CancellationToken.None);
    }
}
