using System.Diagnostics;
using ConformanceKit.Fixtures.Engine;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Fixtures.Tests.Cli;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>
/// A container built the way the product builds them (<see cref="SessionContainer"/>), on the real engine: labelled,
/// started, answering exec and logs, removed on dispose; and one left by a killed test host, removed by ck sweep.
/// </summary>
public sealed class SessionContainerTests
{
    [Test]
    public async Task SessionContainer_StartsLabelledAnswersExecAndLogs_AndDisposeRemovesIt()
    {
        // Given a busybox container with the run's defaults and a published port
        var engine = await Engine.GetAsync();
        var container = Build(Engine.Run.Labels, keep: false).WithPortBinding(8080, true).Build();

        // When it is started, asked to exec, and its logs are read
        await container.StartAsync();
        var id = container.Id;
        var exec = await container.ExecAsync(["sh", "-c", "echo exec-answered; exit 4"]);
        var (stdout, _) = await container.GetLogsAsync();
        var inspected = await Engine.InspectAsync(id);

        // Then it carries the session labels, its port is published on 127.0.0.1 only, exec and logs answer
        inspected.ShouldNotBeNull();
        inspected!.Config!.Labels[SessionLabels.Session].ShouldBe(Engine.Run.Id);
        inspected.Config!.Labels.ContainsKey(SessionLabels.Kept).ShouldBeFalse();
        inspected.HostConfig!.PortBindings!.Values.SelectMany(b => b).ShouldAllBe(b => b.HostIP == "127.0.0.1");
        exec.ExitCode.ShouldBe(4);
        exec.Stdout.ShouldContain("exec-answered");
        stdout.ShouldContain("session-container-up");

        // And when it is disposed, it is gone (not merely stopped)
        await container.DisposeAsync();
        (await Engine.InspectAsync(id)).ShouldBeNull();
    }

    [Test]
    public async Task SessionContainer_Kept_CarriesTheKeptLabel_AndDisposeLeavesIt()
    {
        // Given a kept container (the --keep-cluster way)
        _ = await Engine.GetAsync();
        var container = Build(Engine.Run.Labels, keep: true).Build();
        await container.StartAsync();
        var id = container.Id;
        try
        {
            // When it is disposed
            await container.DisposeAsync();

            // Then it is still there, labelled as kept
            var inspected = await Engine.InspectAsync(id);
            inspected.ShouldNotBeNull();
            inspected!.Config!.Labels[SessionLabels.Kept].ShouldBe("true");
        }
        finally
        {
            await Engine.RemoveAsync(id);
        }
    }

    [Test]
    public async Task KilledTestHost_LeavesItsContainer_CkSweepRemovesIt_AndLeavesALiveRunsOne()
    {
        // Given a test host (a child process) that owns a running session container, and a live run's container
        _ = await Engine.GetAsync();
        using var host = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var hostRun = RunSession.ForProcess(host.Id, new DateTimeOffset(host.StartTime.ToUniversalTime()).ToUnixTimeSeconds());
        var orphan = Build(Owned(hostRun), keep: false).Build();
        var live = Build(Owned(RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart)), keep: false).Build();
        await orphan.StartAsync();
        await live.StartAsync();
        var (orphanId, liveId) = (orphan.Id, live.Id);
        try
        {
            // When the test host is killed (its container stays: no reaper here) and ck sweeps
            host.Kill();
            await host.WaitForExitAsync();
            (await Engine.InspectAsync(orphanId)).ShouldNotBeNull();
            var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "sweep");

            // Then the killed host's container is gone and the live run's is untouched
            exit.ShouldBe(0, stderr);
            stdout.ShouldContain($"swept container {orphanId[..12]} of run '{hostRun.Id}'");
            (await Engine.InspectAsync(orphanId)).ShouldBeNull();
            (await Engine.InspectAsync(liveId)).ShouldNotBeNull();
        }
        finally
        {
            await live.DisposeAsync();
            await Engine.RemoveAsync(orphanId);
        }
    }

    private static ContainerBuilder Build(IReadOnlyDictionary<string, string> labels, bool keep) =>
        new ContainerBuilder(Engine.Image)
            .WithSession(labels, keep, "127.0.0.1")
            .WithCommand("sh", "-c", "echo session-container-up; exec sleep 300")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("session-container-up"));

    private static Dictionary<string, string> Owned(RunSession session) =>
        new(session.Labels) { ["conformancekit.test/owner"] = Engine.Run.Id };
}
