using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.TestSupport.Loopback;
using NUnit.Framework;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

[CancelAfter(60_000)]
public sealed class ScenarioRecorderReplayTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Record_OrderedLifecycleWithA410InTheReplacement_BuildsTheTimelineOfTheUninterruptedStreams(CancellationToken cancellationToken)
    {
        // Given the recorded ordered-lifecycle streams, the pod watch expiring (410) just after the new web-0 appeared
        // while the old web-2 still terminates, and the relist already reflecting one update the watch never sent
        var recorded = new RecordedStreams("ordered-lifecycle");
        var (pods, claims, events) = (recorded.Lines("pods"), recorded.Lines("pvcs"), recorded.Lines("events"));
        const int delivered = 37;
        const int resumeAfter = 38;
        await using var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        var podsPath = $"/api/v1/namespaces/{recorded.Namespace}/pods";
        ReplayServer.MapResource(server, podsPath, "PodList",
            [("400", []), (RecordedStreams.ResourceVersion(pods[resumeAfter - 1]), RecordedStreams.StateAfter(pods, resumeAfter))],
            ReplayServer.Script(pods.Take(delivered)).Error(410, "Expired", "too old resource version: 400 (542)"),
            ReplayServer.Script(pods.Skip(resumeAfter)));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList",
            [("400", [])], ReplayServer.Script(claims));
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/events", "EventList",
            [("400", [])], ReplayServer.Script(events));
        var expected = TimelineProjection.Of(Reference(pods, claims, events));
        using var client = KubeClient.Create(server.CreateConnection());

        // When the recorder watches the namespace until its timeline holds every recorded fact
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);
        var view = await recorder.WaitUntilAsync(
            v => TimelineProjection.Of(v.Timeline).SequenceEqual(expected), Deadline, "the timeline of every recorded event", cancellationToken);

        // Then the pod list was fetched again after the 410, each of the 11 pod incarnations appears once, all gone,
        // and the timeline passes ordered creation over both waves of web pods
        server.RequestsTo(podsPath).Count(r => r.Query("watch") is null).ShouldBe(2, "the 410 should make the client relist once");
        view.Timeline.Pods.Select(p => p.Uid).Distinct().Count().ShouldBe(view.Timeline.Pods.Count);
        view.Timeline.Pods.Count.ShouldBe(11);
        view.Timeline.Pods.ShouldAllBe(p => p.Gone != null);
        view.Pods.ShouldBeEmpty();
        view.Timeline.Claims.Select(c => c.Name).ShouldBe(["data-web-0", "data-web-1", "data-web-2"]);
        view.Timeline.Claims.ShouldAllBe(c => c.Phase == "Bound" && c.VolumeNames.Count == 1 && c.Gone != null);
        view.Timeline.PodsOf("web").Count(p => p.Name == "web-0").ShouldBe(3);
        OrderedCreation.Check(view.Timeline, "web").ShouldPass();
    }

    [Test]
    public async Task WaitUntil_AnEventMakesTheConditionTrue_CompletesAndRecordsTheReactionTime(CancellationToken cancellationToken)
    {
        // Given a pod stream held back until the test opens a gate
        var recorded = new RecordedStreams("ordered-lifecycle");
        var pods = recorded.Lines("pods");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(recorded, ReplayServer.Script(pods.Take(5)).WaitFor(gate.Task).Line(pods[5]), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);

        // When the scenario waits for web-0 Ready and the event saying so is released
        var waiting = recorder.WaitUntilAsync(v => v.Pods.TryGetValue("web-0", out var p) && NamespaceView.IsReady(p), Deadline, "web-0 Ready", cancellationToken);
        await recorder.WaitUntilAsync(v => v.Pods.ContainsKey("web-0"), Deadline, "web-0 exists", cancellationToken);
        waiting.IsCompleted.ShouldBeFalse("web-0 is not Ready before line 5 is sent");
        gate.SetResult();
        var view = await waiting;

        // Then the wait completed on that event and its reaction time was measured from the event's arrival
        NamespaceView.IsReady(view.Pods["web-0"]).ShouldBeTrue();
        var wait = recorder.Waits.Single(w => w.Description == "web-0 Ready");
        wait.TriggerObservedAt.ShouldNotBeNull();
        wait.Reaction.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        wait.Elapsed.ShouldBeGreaterThanOrEqualTo(wait.Reaction);
    }

    [Test]
    public async Task WaitUntil_ConditionNeverHolds_TimesOutNamingTheConditionTheTimeoutAndTheState(CancellationToken cancellationToken)
    {
        // Given the pending-immediate recording up to the pod's last update (it never becomes Ready)
        var recorded = new RecordedStreams("pending-immediate");
        await using var server = await ServeAsync(recorded, ReplayServer.Script(recorded.Lines("pods").Take(3)), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);

        // When the scenario waits for web-0 Ready with a short deadline
        var error = await Should.ThrowAsync<TimeoutException>(() => recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue("web-0", out var p) && NamespaceView.IsReady(p),
            TimeSpan.FromMilliseconds(500), "web-0 Ready", cancellationToken));

        // Then the message says what, how long, and what the namespace looked like
        error.Message.ShouldContain("web-0 Ready didn't happen within the allowed timeout of '00:00:00.5000000'");
        error.Message.ShouldContain("pod web-0");
        error.Message.ShouldContain("phase=Pending");
        recorder.Waits.ShouldBeEmpty();
    }

    [Test]
    public async Task WaitUntil_CallerCancels_SaysWhatWasAwaitedAndTheStateInsteadOfAPlainCancellation(CancellationToken cancellationToken)
    {
        // Given the pending-immediate recording (web-0 never becomes Ready) and a caller whose own deadline is short
        var recorded = new RecordedStreams("pending-immediate");
        await using var server = await ServeAsync(recorded, ReplayServer.Script(recorded.Lines("pods").Take(3)), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);
        using var testDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        testDeadline.CancelAfter(TimeSpan.FromMilliseconds(300));

        // When the scenario waits for web-0 Ready with a step timeout longer than the caller's deadline
        // (awaited directly, as a test awaits it: a cancelled task's own exception is what the runner reports)
        OperationCanceledException? caught = null;
        try
        {
            await recorder.WaitUntilAsync(v => v.Pods.TryGetValue("web-0", out var p) && NamespaceView.IsReady(p), Deadline, "web-0 Ready", testDeadline.Token);
        }
        catch (OperationCanceledException cancelled)
        {
            caught = cancelled;
        }

        var error = caught.ShouldNotBeNull("the wait should end when the caller cancels");

        // Then the cancellation names the wait, its allowed timeout and the namespace's state
        error.Message.ShouldContain("web-0 Ready was still awaited when the caller cancelled");
        error.Message.ShouldContain("'00:00:30'");
        error.Message.ShouldContain("phase=Pending");
        error.CancellationToken.ShouldBe(testDeadline.Token);
    }

    private static async Task<LoopbackApiServer> ServeAsync(RecordedStreams recorded, WatchScript pods, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/pods", "PodList", [("400", [])], pods);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{recorded.Namespace}/events", "EventList", [("400", [])]);
        return server;
    }

    private static Timeline.Timeline Reference(IReadOnlyList<string> pods, IReadOnlyList<string> claims, IReadOnlyList<string> events)
    {
        var builder = new TimelineBuilder();
        foreach (var e in RecordedStreams.Typed<V1Pod>(pods))
        {
            builder.Observe(e);
        }

        foreach (var e in RecordedStreams.Typed<V1PersistentVolumeClaim>(claims))
        {
            builder.Observe(e);
        }

        foreach (var e in RecordedStreams.Typed<Corev1Event>(events))
        {
            builder.Observe(e);
        }

        return builder.Build();
    }
}
