using System.Net;
using System.Text.Json;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

[CancelAfter(60_000)]
public sealed class ControllerSyncTests
{
    private const string Namespace = "ck-sync";
    private const string SetsPath = "/apis/apps/v1/namespaces/ck-sync/statefulsets";

    [Test]
    public async Task SyncController_OnAV126Server_MovesOnlyThePartitionAndBack_AndReturnsOnceTheControllerObservedIt(CancellationToken cancellationToken)
    {
        // Given a RollingUpdate set at generation 4 on a server with v1.26's update rules, whose controller reports
        // generation 6 only in a later watch event
        var store = new V126StatefulSetStore(Set(generation: 4, observed: 4));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var patched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(store, new WatchScript().WaitFor(gate.Task).Event("MODIFIED", Set(6, observed: 6)), cancellationToken, patched, 3);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, TimeSpan.FromSeconds(30));

        // When the barrier runs, and the controller's status update is released once both patches are stored
        var barrier = steps.SyncControllerAsync("web", cancellationToken);
        await patched.Task.WaitAsync(cancellationToken);
        barrier.IsCompleted.ShouldBeFalse("the controller has not reported generation 6 yet");
        gate.SetResult();
        await barrier;

        // Then the server accepted every patch, only the partition moved (0 → 1 → 0), the generation went 4 → 6,
        // and a step was marked
        store.Refused.ShouldBeEmpty();
        Patches(server).ShouldBe(["{}", ControllerSync.PartitionPatch(1), ControllerSync.PartitionPatch(0)]);
        using var stored = JsonDocument.Parse(store.Json);
        stored.RootElement.GetProperty("metadata").GetProperty("generation").GetInt64().ShouldBe(6);
        stored.RootElement.GetProperty("spec").GetProperty("updateStrategy").GetRawText()
            .ShouldBe("""{"type":"RollingUpdate","rollingUpdate":{"partition":0}}""");
        recorder.BuildTimeline().Steps.ShouldContain(s => s.Label == "controller sync barrier on web");
    }

    [Test]
    public async Task HistoryLimitPatch_OnAV126Server_GetsTheRecordedForbiddenAnswer(CancellationToken cancellationToken)
    {
        // Given the same set on a server with v1.26's update rules
        var store = new V126StatefulSetStore(Set(generation: 4, observed: 4));
        await using var server = await ServeAsync(store, new WatchScript().HoldOpen(), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());

        // When the earlier barrier's patch (spec.revisionHistoryLimit) is sent
        var error = await Should.ThrowAsync<KubeApiException>(() =>
            client.PatchMergeAsync<V1StatefulSet>(Namespace, "web", """{"spec":{"revisionHistoryLimit":11}}""", null, cancellationToken));

        // Then it gets what the real v1.26 server answered, and nothing was stored
        error.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        error.Reason.ShouldBe("Invalid");
        error.Message.ShouldContain("updates to statefulset spec for fields other than 'replicas', 'template', 'updateStrategy'");
        store.Refused.Count.ShouldBe(1);
        JsonDocument.Parse(store.Json).RootElement.GetProperty("metadata").GetProperty("generation").GetInt64().ShouldBe(4);
    }

    [Test]
    public async Task SyncController_ControllerNeverObservesTheNewGeneration_TimesOutNamingTheSet(CancellationToken cancellationToken)
    {
        // Given a controller that stays at generation 4 after the patches
        var store = new V126StatefulSetStore(Set(generation: 4, observed: 4));
        await using var server = await ServeAsync(store, new WatchScript().HoldOpen(), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, TimeSpan.FromMilliseconds(500));

        // When the barrier runs
        var error = await Should.ThrowAsync<TimeoutException>(() => steps.SyncControllerAsync("web", cancellationToken));

        // Then it fails within its step timeout, naming the set
        error.Message.ShouldContain("ck-sync/web");
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    [TestCase(2, 3)]
    [TestCase(3, 2)]
    public void BarrierPatches_FromPartition_MoveOneStepAndComeBack(int partition, int away)
    {
        // Given a set whose partition is set
        using var set = JsonDocument.Parse(Set(5, observed: 5, partition: partition));

        // When the barrier's patches are computed
        var (there, back) = ControllerSync.BarrierPatches(set.RootElement);

        // Then the first moves the partition by one and the second restores it
        (there, back).ShouldBe((ControllerSync.PartitionPatch(away), ControllerSync.PartitionPatch(partition)));
    }

    [Test]
    public void BarrierPatches_OnDeleteSet_AreRefusedNamingTheStrategy()
    {
        // Given an OnDelete set (it has no rollingUpdate.partition)
        using var set = JsonDocument.Parse("""{"metadata":{"name":"web","namespace":"ns","generation":2},"spec":{"updateStrategy":{"type":"OnDelete"}}}""");

        // When / Then the barrier refuses it
        Should.Throw<InvalidOperationException>(() => ControllerSync.BarrierPatches(set.RootElement)).Message.ShouldContain("'OnDelete'");
    }

    [Test]
    public void BarrierPatches_SetInTheMiddleOfAnUpdate_AreRefusedNamingBothRevisions()
    {
        // Given a set whose current and update revisions differ (the partition then matters)
        using var set = JsonDocument.Parse(Set(5, observed: 5, updateRevision: "web-84d84cd6db"));

        // When / Then the barrier refuses it
        Should.Throw<InvalidOperationException>(() => ControllerSync.BarrierPatches(set.RootElement)).Message
            .ShouldContain("currentRevision 'web-74cf54d79', updateRevision 'web-84d84cd6db'");
    }

    private static List<string> Patches(LoopbackApiServer server) =>
        [.. server.RequestsTo($"{SetsPath}/web").Where(r => r.Method == "PATCH").Select(r => r.Body)];

    private static async Task<LoopbackApiServer> ServeAsync(
        V126StatefulSetStore store, WatchScript setWatch, CancellationToken cancellationToken, TaskCompletionSource? patched = null, int patches = 0)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        ReplayServer.MapResource(server, SetsPath, "StatefulSetList", [("500", [Set(4, observed: 4)])], setWatch);
        var received = 0;
        server.Map("PATCH", $"{SetsPath}/web", async context =>
        {
            await store.Patch(context);
            if (Interlocked.Increment(ref received) == patches)
            {
                patched?.TrySetResult();
            }
        });
        return server;
    }

    private static string Set(long generation, long observed, int partition = 0, string updateRevision = "web-74cf54d79") =>
        $$$"""{"apiVersion":"apps/v1","kind":"V1StatefulSet","metadata":{"name":"web","namespace":"{{{Namespace}}}","uid":"u-web","resourceVersion":"{{{500 + observed}}}","generation":{{{generation}}}},"spec":{"replicas":3,"revisionHistoryLimit":10,"serviceName":"web","updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":{{{partition}}} } }},"status":{"observedGeneration":{{{observed}}},"currentRevision":"web-74cf54d79","updateRevision":"{{{updateRevision}}}"}}""";
}
