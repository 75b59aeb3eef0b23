using ConformanceKit.Kube.Api;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Recording;

[CancelAfter(60_000)]
public sealed class ControllerSyncTests
{
    private const string Namespace = "ck-sync";
    private const string SetsPath = "/apis/apps/v1/namespaces/ck-sync/statefulsets";

    [Test]
    public async Task SyncController_TogglesTheHistoryLimit_AndReturnsOnlyOnceTheControllerObservedTheNewGeneration(CancellationToken cancellationToken)
    {
        // Given a set at generation 4 (history limit 10) whose controller reports generation 5 only in a later watch event
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var patched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(new WatchScript().WaitFor(gate.Task).Event("MODIFIED", Set(5, 11, observed: 5)), cancellationToken, patched);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, TimeSpan.FromSeconds(30));

        // When the barrier runs, and the controller's status update is released after the patch
        var barrier = steps.SyncControllerAsync("web", cancellationToken);
        await patched.Task.WaitAsync(cancellationToken);
        barrier.IsCompleted.ShouldBeFalse("the controller has not reported generation 5 yet");
        gate.SetResult();
        await barrier;

        // Then the second patch changed the history limit 10 → 11 (bumping the generation) and a step was marked
        server.RequestsTo($"{SetsPath}/web").Where(r => r.Method == "PATCH").Select(r => r.Body)
            .ShouldBe(["{}", """{"spec":{"revisionHistoryLimit":11}}"""]);
        recorder.BuildTimeline().Steps.ShouldContain(s => s.Label == "controller sync barrier on web");
    }

    [Test]
    public async Task SyncController_ControllerNeverObservesTheNewGeneration_TimesOutNamingTheSet(CancellationToken cancellationToken)
    {
        // Given a controller that stays at generation 4 after the patch
        await using var server = await ServeAsync(new WatchScript().HoldOpen(), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var steps = new WorkloadSteps(client, recorder, TimeSpan.FromMilliseconds(500));

        // When the barrier runs
        var error = await Should.ThrowAsync<TimeoutException>(() => steps.SyncControllerAsync("web", cancellationToken));

        // Then it fails within its step timeout, naming the set
        error.Message.ShouldContain("ck-sync/web");
    }

    [Test]
    public void TogglePatch_LimitAlreadyToggled_GoesBackToTheDefault()
    {
        // Given a set whose history limit is 11 and one without the field
        using var toggled = System.Text.Json.JsonDocument.Parse(Set(5, 11, observed: 5));
        using var unset = System.Text.Json.JsonDocument.Parse("""{"metadata":{"name":"web","generation":1},"spec":{}}""");

        // When the barrier's patch is computed for each
        string[] patches = [ControllerSync.TogglePatch(toggled.RootElement), ControllerSync.TogglePatch(unset.RootElement)];

        // Then each changes the value it finds
        patches.ShouldBe(["""{"spec":{"revisionHistoryLimit":10}}""", """{"spec":{"revisionHistoryLimit":11}}"""]);
    }

    private static async Task<LoopbackApiServer> ServeAsync(WatchScript setWatch, CancellationToken cancellationToken, TaskCompletionSource? patched = null)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        ReplayServer.MapResource(server, SetsPath, "StatefulSetList", [("500", [Set(5, 11, observed: 4)])], setWatch);
        var second = Respond.Json(200, Set(5, 11, observed: 4));
        server.MapSequence("PATCH", $"{SetsPath}/web", Respond.Json(200, Set(4, 10, observed: 4)), async context =>
        {
            await second(context);
            patched?.TrySetResult();
        });
        return server;
    }

    private static string Set(long generation, int historyLimit, long observed) =>
        $$$"""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web","namespace":"{{{Namespace}}}","uid":"u-web","resourceVersion":"{{{500 + observed}}}","generation":{{{generation}}}},"spec":{"replicas":3,"revisionHistoryLimit":{{{historyLimit}}}},"status":{"observedGeneration":{{{observed}}}}}""";
}
