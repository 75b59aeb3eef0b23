using System.Diagnostics;
using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.FailedCreateEvents;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// A step's wait for all pods of set web Ready, through the live recorder on the loopback API server, while the API
/// server refuses web-0: no pod ever appears, and (once the wait is pending) the events stream brings the controller's
/// one FailedCreate event on the set as its recorder patches its count and lastTimestamp.
/// </summary>
[CancelAfter(60_000)]
public sealed class FailedCreateReplayTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WellUnder = TimeSpan.FromSeconds(5);

    [Test]
    public async Task WaitAllReady_WhilePodSecurityRefusesWeb0For41Seconds_EndsAtOnceWithTheRefusalLine(CancellationToken cancellationToken)
    {
        // Given the refusal of web-0 counted 1 (0 s), 13 (20 s) and 14 (41 s), as the back-off spaces them, held until the wait is pending
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(gate.Task, [(1, 0), (13, 20), (14, 41)], cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);

        // When the step waits for the set's 3 pods Ready and the controller's events arrive
        var clock = Stopwatch.StartNew();
        var waiting = new WorkloadSteps(client, recorder, StepTimeout).WaitAllReadyAsync("web", 3, cancellationToken);
        gate.SetResult();
        var error = await Should.ThrowAsync<PodCannotStartException>(() => waiting);
        clock.Stop();

        // Then the wait ended well under its timeout, on the 41 s stamp, with the one line the report takes as an error, as it is
        clock.Elapsed.ShouldBeLessThan(WellUnder);
        var refused = error.Cause.ShouldBeOfType<PodNotCreated>();
        (refused.StatefulSet, refused.Pod, refused.Failures, refused.Seconds).ShouldBe(("web", "web-0", 14, 41));
        error.Message.ShouldBe(refused.Line);
        error.Message.ShouldContain("namespace ordered-lifecycle enforces PodSecurity \"restricted:latest\"");
        error.Message.ShouldNotContain("\n");
        FailureClassifier.Classify($"{typeof(PodCannotStartException).FullName} : {error.Message}")
            .ShouldBe(new TestFailure(FailureKind.Error, error.Message));
        recorder.Waits.ShouldNotContain(w => w.Description == "all 3 pods of web Ready");
    }

    [Test]
    public async Task WaitAllReady_WhileTheRefusalsSpanOnly2Seconds_WaitsOutItsTimeout(CancellationToken cancellationToken)
    {
        // Given the same refusal counted 1 (0 s), 5 (1 s) and 10 (2 s): the negative control, a hiccup the next try may heal
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(gate.Task, [(1, 0), (5, 1), (10, 2)], cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);

        // When the step waits for the set's 3 pods Ready with a 2 s timeout
        var waiting = new WorkloadSteps(client, recorder, TimeSpan.FromSeconds(2)).WaitAllReadyAsync("web", 3, cancellationToken);
        gate.SetResult();

        // Then it runs to its timeout, having seen all ten refusals without judging them final
        await Should.ThrowAsync<TimeoutException>(() => waiting);
        recorder.Current.Events.ShouldContain(e => e.Reason == "FailedCreate" && e.Count == 10);
        recorder.Current.CannotStart.ShouldBeNull();
    }

    private static async Task<LoopbackApiServer> ServeAsync(Task gate, IReadOnlyList<(int Count, int Span)> repeats, CancellationToken cancellationToken)
    {
        // One event object, ADDED at its first refusal, then MODIFIED as the controller's recorder counts the repeats.
        var events = new WatchScript().WaitFor(gate);
        for (var i = 0; i < repeats.Count; i++)
        {
            var json = FailedCreate(PodSecurity, repeats[i].Count, first: 0, span: repeats[i].Span);
            events.Line(Line(i == 0 ? "ADDED" : "MODIFIED", json, 700 + i));
        }

        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])], events);
        return server;
    }
}
