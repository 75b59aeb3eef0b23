using System.Text.Json;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Tests.Recording;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Updates;

[CancelAfter(60_000)]
public sealed class UpdateStepsTests
{
    private const string Namespace = "ck-upd";
    private const string PodsPath = "/api/v1/namespaces/ck-upd/pods";
    private const string SetsPath = "/apis/apps/v1/namespaces/ck-upd/statefulsets";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Test]
    public async Task WaitSynced_StatusArrivesBeforeThePodDeletionOfThatSync_ReturnsOnlyOnceTheDeletionIsRecorded(CancellationToken cancellationToken)
    {
        // Given a set whose controller deleted web-1 and then reported generation 2, and a pod watch that delivers the
        // deletion only when the test opens a gate (the set watch has already delivered the status)
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listedAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(
            new WatchScript().WaitFor(gate.Task).Event("MODIFIED", V1Pod("u-1", "402", terminating: true)),
            new WatchScript().Event("MODIFIED", Set(2, observed: 2)),
            listedAgain, cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await StartAsync(client, cancellationToken);
        var steps = new UpdateSteps(client, recorder, Deadline);

        // When the scenario waits for the sync of generation 2, and the pods are listed after the status arrived
        var synced = steps.WaitSyncedAsync("web", 2, cancellationToken);
        await listedAgain.Task.WaitAsync(cancellationToken);
        synced.IsCompleted.ShouldBeFalse("the recorder has not seen the deletion the list shows");
        gate.SetResult();
        var view = await synced;

        // Then it returned with the deletion in the view and the timeline
        view.Pods["web-1"].Metadata.DeletionTimestamp.ShouldNotBeNull();
        view.Timeline.Pods.Single(p => p.Uid == "u-1").TerminationRequested.ShouldNotBeNull();
    }

    [Test]
    public async Task SyncWithPartition_MidUpdateOnAV126Server_MovesOnlyThePartitionAndBack_AndReturnsOnceTheControllerObservedIt(CancellationToken cancellationToken)
    {
        // Given a set in the middle of a partitioned update (partition 2, generation 2) on a server with v1.26's update
        // rules, whose controller reports generation 4 once both patches are stored
        var store = new V126StatefulSetStore(Set(2, observed: 2));
        var patched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(new WatchScript().HoldOpen(),
            new WatchScript().WaitFor(patched.Task).Event("MODIFIED", Set(4, observed: 4)), null, cancellationToken);
        var patches = 0;
        server.Map("PATCH", $"{SetsPath}/web", async context =>
        {
            await store.Patch(context);
            if (Interlocked.Increment(ref patches) == 2)
            {
                patched.TrySetResult();
            }
        });
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await StartAsync(client, cancellationToken);

        // When the barrier moves the partition to 3 and back to 2
        await new UpdateSteps(client, recorder, Deadline).SyncWithPartitionAsync("web", 3, 2, cancellationToken);

        // Then v1.26 accepted both patches, only the partition moved, and the controller's status of generation 4 was seen
        store.Refused.ShouldBeEmpty();
        server.RequestsTo($"{SetsPath}/web").Where(r => r.Method == "PATCH").Select(r => r.Body)
            .ShouldBe([ControllerSync.PartitionPatch(3), ControllerSync.PartitionPatch(2)]);
        using var stored = JsonDocument.Parse(store.Json);
        stored.RootElement.GetProperty("metadata").GetProperty("generation").GetInt64().ShouldBe(4);
        stored.RootElement.GetProperty("spec").GetProperty("updateStrategy").GetRawText()
            .ShouldBe("""{"type":"RollingUpdate","rollingUpdate":{"partition":2}}""");
        recorder.BuildTimeline().StatefulSet("web")!.Last!.ObservedGeneration.ShouldBe(4);
    }

    [Test]
    public async Task WaitRolledOut_RecordedRollingUpdate_IgnoresTheConvergedStatusOfTheGenerationBeforeTheChange(CancellationToken cancellationToken)
    {
        // Given the recorded rolling update held just after the template change: the set at generation 2, its last status
        // still computed from generation 1 (current == update, 3 updated, 3 Ready) and every pod Ready at v1
        var recorded = new RecordedStreams("rolling-update");
        var (pods, sets) = (recorded.Lines("pods").Take(42).ToList(), recorded.Lines("statefulsets").Take(16).ToList());
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        var ns = $"/namespaces/{recorded.Namespace}";
        ReplayServer.MapResource(server, $"/api/v1{ns}/pods", "PodList", [("400", [])],
            ReplayServer.Script(pods.Take(15)).WaitFor(gate.Task).Chunks([.. pods.Skip(15).Select(l => l + "\n")]));
        ReplayServer.MapResource(server, $"/api/v1{ns}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1{ns}/events", "EventList", [("400", [])]);
        ReplayServer.MapResource(server, $"/apis/apps/v1{ns}/statefulsets", "StatefulSetList", [("400", [])],
            ReplayServer.Script(sets.Take(6)).WaitFor(gate.Task).Chunks([.. sets.Skip(6).Select(l => l + "\n")]));
        ReplayServer.MapResource(server, $"/apis/apps/v1{ns}/controllerrevisions", "ControllerRevisionList", [("400", [])]);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, recorded.Namespace, null, cancellationToken);
        await recorder.WatchWorkloadsAsync(client, cancellationToken);
        await recorder.WaitUntilAsync(v => v.Timeline.StatefulSet("web")?.Last?.Generation == 2 && v.AllReady("web", 3) && v.Timeline.Pods.Count == 3,
            Deadline, "the streams up to the template change", cancellationToken);
        var steps = new UpdateSteps(client, recorder, Deadline);

        // When the scenario waits for generation 2 to roll out (and, as a control, for generation 1)
        var stale = steps.WaitRolledOutAsync("web", 3, 1, cancellationToken);
        var rolled = steps.WaitRolledOutAsync("web", 3, 2, cancellationToken);

        // Then generation 1's converged status would satisfy a wait, but generation 2's waits for the real end of the roll
        stale.IsCompletedSuccessfully.ShouldBeTrue();
        rolled.IsCompleted.ShouldBeFalse("no status was computed from generation 2 yet");
        gate.SetResult();
        var view = await rolled;
        view.PodsOf("web").Values.Select(UpdateSteps.RevisionOf).ShouldAllBe(r => r == "web-84d84cd6db");
        view.Timeline.Pods.Count.ShouldBe(6);
    }

    private static async Task<ScenarioRecorder> StartAsync(KubeClient client, CancellationToken cancellationToken)
    {
        var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        await recorder.WatchWorkloadsAsync(client, cancellationToken);
        return recorder;
    }

    // Pods: web-1 Running in both lists (terminating in the second); the set at generation 2 seen at generation 1.
    private static async Task<LoopbackApiServer> ServeAsync(
        WatchScript podWatch, WatchScript setWatch, TaskCompletionSource? listedAgain, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        server.MapWatch(PodsPath, Respond.Watch(podWatch));
        server.MapList(PodsPath, Respond.List("PodList", "400", null, V1Pod("u-1", "401", terminating: false)), async context =>
        {
            await Respond.List("PodList", "402", null, V1Pod("u-1", "402", terminating: listedAgain is not null))(context);
            listedAgain?.TrySetResult();
        });
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        ReplayServer.MapResource(server, SetsPath, "StatefulSetList", [("500", [Set(2, observed: 1)])], setWatch);
        ReplayServer.MapResource(server, $"/apis/apps/v1/namespaces/{Namespace}/controllerrevisions", "ControllerRevisionList", [("400", [])]);
        return server;
    }

    private static string V1Pod(string uid, string resourceVersion, bool terminating)
    {
        var deletion = terminating ? ""","deletionTimestamp":"2026-12-01T06:42:40Z","deletionGracePeriodSeconds":1""" : "";
        return $$$"""{"apiVersion":"v1","kind":"V1Pod","metadata":{"name":"web-1","namespace":"{{{Namespace}}}","uid":"{{{uid}}}","resourceVersion":"{{{resourceVersion}}}","creationTimestamp":"2026-12-01T06:42:30Z","labels":{"app":"web","controller-revision-hash":"web-74cf54d79"}{{{deletion}}} },"status":{"phase":"Running"}}""";
    }

    private static string Set(long generation, long observed) =>
        $$$"""{"apiVersion":"apps/v1","kind":"V1StatefulSet","metadata":{"name":"web","namespace":"{{{Namespace}}}","uid":"u-web","resourceVersion":"{{{500 + observed}}}","generation":{{{generation}}}},"spec":{"replicas":3,"revisionHistoryLimit":10,"serviceName":"web","updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2} } },"status":{"observedGeneration":{{{observed}}},"currentRevision":"web-74cf54d79","updateRevision":"web-84d84cd6db"}}""";
}
