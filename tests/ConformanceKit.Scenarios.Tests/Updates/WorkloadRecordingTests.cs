using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Tests.Recording;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Updates;

[CancelAfter(60_000)]
public sealed class WorkloadRecordingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task WatchWorkloads_RecordedRollingUpdate_PutsTheSetsStatusAndRevisionsInTheTimeline(CancellationToken cancellationToken)
    {
        // Given the recorded rolling update's pod, StatefulSet and ControllerRevision streams behind a loopback server
        var recorded = new RecordedStreams("rolling-update");
        await using var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        var ns = $"/namespaces/{recorded.Namespace}";
        ReplayServer.MapResource(server, $"/api/v1{ns}/pods", "PodList", [("400", [])], ReplayServer.Script(recorded.Lines("pods")));
        ReplayServer.MapResource(server, $"/api/v1{ns}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1{ns}/events", "EventList", [("400", [])]);
        ReplayServer.MapResource(server, $"/apis/apps/v1{ns}/statefulsets", "StatefulSetList", [("400", [])], ReplayServer.Script(recorded.Lines("statefulsets")));
        ReplayServer.MapResource(server, $"/apis/apps/v1{ns}/controllerrevisions", "ControllerRevisionList", [("400", [])],
            ReplayServer.Script(recorded.Lines("controllerrevisions")));
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);

        // When the recorder also watches workloads, until the set's DELETED event and both revisions' are in
        await recorder.WatchWorkloadsAsync(client, cancellationToken);
        await recorder.WatchWorkloadsAsync(client, cancellationToken);
        var view = await recorder.WaitUntilAsync(
            v => v.Timeline.StatefulSet("web")?.Gone is not null && v.Timeline.RevisionsOf("web").Count(r => r.Gone is not null) == 2 && v.Timeline.Pods.Count == 6,
            Deadline, "the set and both revisions deleted", cancellationToken);

        // Then every status is there once, in stream order, with the revisions it named, and each stream was listed once
        var set = view.Timeline.StatefulSet("web")!;
        set.Observations.Count.ShouldBe(17);
        set.Observations.Select(o => o.At.Sequence).ShouldBeInOrder();
        set.Observations.Select(o => o.UpdateRevision).Distinct().ShouldBe([null, "web-74cf54d79", "web-84d84cd6db"]);
        view.Timeline.RevisionsOf("web").Select(r => (r.Name, r.Number)).ShouldBe([("web-74cf54d79", 1L), ("web-84d84cd6db", 2L)]);
        server.RequestsTo($"/apis/apps/v1{ns}/statefulsets").Count(r => r.Query("watch") is null).ShouldBe(1);
        server.RequestsTo($"/apis/apps/v1{ns}/controllerrevisions").Count(r => r.Query("watch") is null).ShouldBe(1);
    }
}
