using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.TestSupport.Loopback;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// The restart scenario's waits and check through the live recorder, on the v1.28 liveness recording served by the
/// loopback API server: the streams are held at the moment of the trip, the test marks the trip, then releases them.
/// </summary>
[CancelAfter(60_000)]
public sealed class LivenessRestartReplayTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const long LastVersionBeforeTrip = 23362;
    private const long ReadyAgainVersion = 23377;

    [Test]
    public async Task Recorder_LivenessTripReplayed_SeesWeb1RestartInPlaceAndTheCheckPasses(CancellationToken cancellationToken)
    {
        // Given the recording served up to the trip, the rest (up to web-1 Ready again) held behind a gate
        var recorded = new RecordedStreams("recorded-k8s-1.28/liveness-restart");
        var pods = recorded.Lines("pods").Where(l => RecordedStreams.Parse(l).Type != "BOOKMARK").ToList();
        var events = recorded.Lines("events").ToList();
        var before = pods.TakeWhile(l => Version(l) <= LastVersionBeforeTrip).ToList();
        var after = pods.Skip(before.Count).TakeWhile(l => Version(l) <= ReadyAgainVersion).ToList();
        var firstKubeletVerdict = events.FindIndex(l => l.Contains("\"reason\":\"Unhealthy\"", StringComparison.Ordinal));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/pods", "PodList", [("400", [])],
            ReplayServer.Script(before).WaitFor(gate.Task).Chunks([.. after.Select(l => l + "\n")]));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])],
            ReplayServer.Script(recorded.Lines("pvcs").Where(l => RecordedStreams.Parse(l).Type != "BOOKMARK" && Version(l) <= ReadyAgainVersion)));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/events", "EventList", [("400", [])],
            ReplayServer.Script(events.Take(firstKubeletVerdict)).WaitFor(gate.Task).Chunks([.. events.Skip(firstKubeletVerdict).Take(5).Select(l => l + "\n")]));
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);
        // (the claims arrive on their own watch: the check needs web-1's claim, so the wait names it too)
        var ready = await recorder.WaitUntilAsync(
            v => v.AllReady("web", 3) && v.ClaimsBound(["data-web-0", "data-web-1", "data-web-2"]),
            Deadline, "all 3 pods of web Ready and their claims Bound", cancellationToken);
        var uid = ready.Pods["web-1"].Metadata.Uid;

        // When the trip is marked and the kubelet's answer released, and the scenario's wait runs
        var trippedAt = recorder.MarkStep("tripped the liveness probe of web-1");
        gate.SetResult();
        await recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue("web-1", out var p) && p.Metadata.Uid == uid && NamespaceView.IsReady(p) && p.Status!.ContainerStatuses![0].RestartCount > 0,
            Deadline, "web-1 restarted in place and Ready", cancellationToken);
        var until = recorder.MarkStep("web-1 restarted in place and Ready again");
        var timeline = recorder.BuildTimeline();

        // Then the check passes for web-1 and fails for web-0 (control); the one sample is on the server's whole seconds
        RestartInPlace.Check(timeline, "data", "web", 1, trippedAt, until).ShouldPass();
        RestartInPlace.Check(timeline, "data", "web", 0, trippedAt, until).ShouldFail("never restarted a container");
        var sample = RestartInPlace.Measure(timeline, "web", "standard", trippedAt).ShouldHaveSingleItem();
        (sample.Seconds, sample.Clock).ShouldBe((1d, ClockSource.Server));
        LivenessTrip.ProbeToolMissing(timeline.Events, "web", "registry.local/web:1.1").ShouldBeNull();
    }

    private static long Version(string line) => long.Parse(RecordedStreams.ResourceVersion(line), System.Globalization.CultureInfo.InvariantCulture);
}
