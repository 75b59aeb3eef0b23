using System.Diagnostics;
using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.TestSupport.Loopback;
using NUnit.Framework;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.StartFailureObjects;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// A step's wait for a pod Running, through the live recorder on the loopback API server: the recorded dns-probe
/// is served up to its container being created, then (once the wait is pending) the edited update that puts it in
/// ErrImageNeverPull, or (control) Running.
/// </summary>
[CancelAfter(60_000)]
public sealed class ImageUnavailableReplayTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WellUnder = TimeSpan.FromSeconds(5);

    [Test]
    public async Task WaitRunning_PodGoesToErrImageNeverPull_EndsAtOnceWithTheImageLine(CancellationToken cancellationToken)
    {
        // Given the probe served as created, its update to ErrImageNeverPull held until the wait is pending
        var never = Waiting("ErrImageNeverPull", $"Container image \"{Image}\" is not present with pull policy of Never");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(gate.Task, Modified(never, "503"), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, StepTimeout);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("dns-probe"), StepTimeout, "dns-probe exists", cancellationToken);

        // When the step waits for the probe Running and the kubelet's verdict arrives
        var clock = Stopwatch.StartNew();
        var waiting = steps.WaitRunningAsync("dns-probe", cancellationToken);
        gate.SetResult();
        var error = await Should.ThrowAsync<PodCannotStartException>(() => waiting);
        clock.Stop();

        // Then the wait ended well under its timeout with the one line, which the report takes as an error, as it is
        clock.Elapsed.ShouldBeLessThan(WellUnder);
        error.Message.ShouldBe(error.Cause.ShouldNotBeNull().Line);
        error.Message.ShouldStartWith($"pod {Namespace}/dns-probe cannot start: the image \"{Image}\" of container {Container} is not on the node");
        error.Message.ShouldNotContain("\n");
        FailureClassifier.Classify($"{typeof(PodCannotStartException).FullName} : {error.Message}")
            .ShouldBe(new TestFailure(FailureKind.Error, error.Message));
        recorder.Waits.ShouldNotContain(w => w.Description == "pod dns-probe Running");
    }

    [Test]
    public async Task WaitRunning_PodGoesRunning_PassesTheWait(CancellationToken cancellationToken)
    {
        // Given the same probe, its update to Running held until the wait is pending (control)
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(gate.Task, Modified(Running(), "503"), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, StepTimeout);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("dns-probe"), StepTimeout, "dns-probe exists", cancellationToken);

        // When the step waits for the probe Running and the update arrives
        var waiting = steps.WaitRunningAsync("dns-probe", cancellationToken);
        gate.SetResult();
        var view = await waiting;

        // Then the wait passes on it
        view.Pods["dns-probe"].Status!.Phase.ShouldBe("Running");
        view.CannotStart.ShouldBeNull();
        recorder.Waits.ShouldContain(w => w.Description == "pod dns-probe Running");
    }

    [Test]
    public async Task WaitForAnythingElse_WhileAPodAlreadyCannotPull_EndsAtOnce(CancellationToken cancellationToken)
    {
        // Given the probe already in ErrImageNeverPull when the scenario starts waiting
        var never = Waiting("ErrImageNeverPull", $"Container image \"{Image}\" is not present with pull policy of Never");
        await using var server = await ServeAsync(Task.CompletedTask, Modified(never, "503"), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        await recorder.WaitUntilAsync(v => v.Pods.TryGetValue("dns-probe", out var p) && p.Metadata.ResourceVersion == "503", StepTimeout, "the update seen", cancellationToken);

        // When a wait for a condition that never comes starts (all pods of a set Ready)
        var error = await Should.ThrowAsync<PodCannotStartException>(() => new WorkloadSteps(client, recorder, StepTimeout).WaitAllReadyAsync("web", 3, cancellationToken));

        // Then it ends at once, before the first watch event after it, with the same line
        error.Message.ShouldContain("ErrImageNeverPull");
    }

    private static async Task<LoopbackApiServer> ServeAsync(Task gate, string update, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])],
            ReplayServer.Script([ProbeLine("500"), ProbeLine("501"), ProbeLine("502")]).WaitFor(gate).Line(update));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        return server;
    }
}
