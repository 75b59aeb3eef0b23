using System.Diagnostics;
using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Diagnosis;
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
/// A step's wait for a pod Running, through the live recorder on the loopback API server: the recorded dns-probe is
/// served up to its container being created, then (once the wait is pending) the edited update that puts it in
/// CreateContainerConfigError (or keeps it creating, waiting for a volume), while the events stream brings the
/// kubelet's one event about it as the kubelet patches its count.
/// </summary>
[CancelAfter(60_000)]
public sealed class MissingConfigReplayTests
{
    private const string SecretNotFound = "Error: secret \"db-creds\" not found";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WellUnder = TimeSpan.FromSeconds(5);

    [Test]
    public async Task WaitRunning_PodWhoseSecretIsMissing_EndsAtOnceOnTheThirdFailedStartWithTheSecretLine(CancellationToken cancellationToken)
    {
        // Given the probe's update to CreateContainerConfigError and the kubelet's Failed event counted 1, 2, 3, held until the wait is pending
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = Counted(new WatchScript().WaitFor(gate.Task), "Failed", SecretNotFound, ContainerPath, 3);
        await using var server = await ServeAsync(gate.Task, Modified(Waiting("CreateContainerConfigError", "secret \"db-creds\" not found"), "503"), failed, cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, StepTimeout);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("dns-probe"), StepTimeout, "dns-probe exists", cancellationToken);

        // When the step waits for the probe Running and the kubelet's failures arrive
        var clock = Stopwatch.StartNew();
        var waiting = steps.WaitRunningAsync("dns-probe", cancellationToken);
        gate.SetResult();
        var error = await Should.ThrowAsync<PodCannotStartException>(() => waiting);
        clock.Stop();

        // Then the wait ended well under its timeout, on the third failure, with the one line the report takes as an error, as it is
        clock.Elapsed.ShouldBeLessThan(WellUnder);
        var missing = error.Cause.ShouldBeOfType<MissingConfigObject>();
        (missing.Part, missing.Kind, missing.Name, missing.Failures).ShouldBe(("container dns-probe", "Secret", "db-creds", 3));
        error.Message.ShouldBe(missing.Line);
        error.Message.ShouldNotContain("\n");
        FailureClassifier.Classify($"{typeof(PodCannotStartException).FullName} : {error.Message}")
            .ShouldBe(new TestFailure(FailureKind.Error, error.Message));
    }

    [Test]
    public async Task WaitRunning_PodWhoseSecretIsMissing_AfterOneFailedStart_WaitsOutItsTimeout(CancellationToken cancellationToken)
    {
        // Given the same update, the kubelet's event counted once (the negative control: the Secret may still come), a short step timeout
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = Counted(new WatchScript().WaitFor(gate.Task), "Failed", SecretNotFound, ContainerPath, 1);
        await using var server = await ServeAsync(gate.Task, Modified(Waiting("CreateContainerConfigError", "secret \"db-creds\" not found"), "503"), failed, cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("dns-probe"), StepTimeout, "dns-probe exists", cancellationToken);

        // When the step waits for the probe Running with a 2 s timeout
        var waiting = new WorkloadSteps(client, recorder, TimeSpan.FromSeconds(2)).WaitRunningAsync("dns-probe", cancellationToken);
        gate.SetResult();

        // Then it runs to its timeout, having seen the failure without judging it final
        await Should.ThrowAsync<TimeoutException>(() => waiting);
        recorder.Current.Events.ShouldContain(e => e.Reason == "Failed" && e.Count == 1);
        recorder.Current.CannotStart.ShouldBeNull();
    }

    [Test]
    public async Task WaitRunning_PodWhoseSecretVolumeFailedToMountSevenTimes_EndsAtOnceNamingTheVolume(CancellationToken cancellationToken)
    {
        // Given the probe still creating with a volume of the missing Secret, and FailedMount counted up to 7
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mounts = Counted(new WatchScript().WaitFor(gate.Task), "FailedMount", "MountVolume.SetUp failed for volume \"creds\" : secret \"db-creds\" not found", null, 7);
        await using var server = await ServeAsync(gate.Task, Modified(MountingSecret(), "503"), mounts, cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("dns-probe"), StepTimeout, "dns-probe exists", cancellationToken);

        // When the step waits for the probe Running
        var clock = Stopwatch.StartNew();
        var waiting = new WorkloadSteps(client, recorder, StepTimeout).WaitRunningAsync("dns-probe", cancellationToken);
        gate.SetResult();
        var error = await Should.ThrowAsync<PodCannotStartException>(() => waiting);

        // Then it ended well under its timeout naming the volume and the Secret
        clock.Elapsed.ShouldBeLessThan(WellUnder);
        error.Message.ShouldStartWith($"pod {Namespace}/dns-probe cannot start: its volume creds needs Secret \"db-creds\", which namespace {Namespace} does not hold (FailedMount, 7 failed mounts;");
    }

    // One kubelet event about the probe as the kubelet writes it: ADDED with count 1, then MODIFIED once per repeat up to count.
    private static WatchScript Counted(WatchScript script, string reason, string message, string? fieldPath, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            var json = KubeletEvent(reason, message, n, fieldPath: fieldPath, second: 40 + n);
            json["metadata"]!["name"] = $"dns-probe.{reason.ToLowerInvariant()}";
            json["metadata"]!["uid"] = $"event-{reason.ToLowerInvariant()}";
            json["metadata"]!["resourceVersion"] = (600 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            script.Line(new JsonObject { ["type"] = n == 1 ? "ADDED" : "MODIFIED", ["object"] = json }.ToJsonString());
        }

        return script;
    }

    private static async Task<LoopbackApiServer> ServeAsync(Task gate, string update, WatchScript events, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])],
            ReplayServer.Script([ProbeLine("500"), ProbeLine("501"), ProbeLine("502")]).WaitFor(gate).Line(update));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])], events);
        return server;
    }
}
