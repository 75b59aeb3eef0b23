using System.Text.Json;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Tests.Recording;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The live rolling-update trigger through the adapter: the rollout-restart patch as the loopback server receives it.</summary>
[CancelAfter(60_000)]
public sealed class RestartStepLoopbackTests
{
    private const string Namespace = "ck-restart";
    private const string SetPath = "/apis/apps/v1/namespaces/ck-restart/statefulsets/db";

    [Test]
    public async Task Restart_SendsTheRestartedAtAnnotationAsAMergePatch_AndReturnsTheStoredGeneration(CancellationToken cancellationToken)
    {
        // Given an empty recorded namespace and a server storing the patched set at generation 3
        await using var server = await ServeAsync(cancellationToken);
        server.Map("PATCH", SetPath, Respond.Json(200, """{"kind":"StatefulSet","metadata":{"name":"db","namespace":"ck-restart","generation":3}}"""));
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var set = WorkloadSets.Set();

        // When the set is restarted the way kubectl rollout restart does it
        var (at, generation) = await new UpdateSteps(client, recorder, TimeSpan.FromSeconds(30)).RestartAsync(set, cancellationToken);

        // Then one merge patch set only the pod template's restartedAt to the step's time, and the generation is the stored one
        var patch = server.RequestsTo(SetPath).Single(r => r.Method == "PATCH");
        patch.Header("Content-Type")!.ShouldStartWith("application/merge-patch+json");
        using var body = JsonDocument.Parse(patch.Body);
        body.RootElement.GetProperty("spec").EnumerateObject().Select(p => p.Name).ShouldBe(["template"]);
        body.RootElement.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("annotations")
            .GetProperty(RestartTrigger.Annotation).GetString().ShouldBe(RestartTrigger.Value(set, at));
        generation.ShouldBe(3);
        recorder.BuildTimeline().Steps.ShouldContain(s => s.Label.StartsWith("rollout restart of db", StringComparison.Ordinal));
    }

    private static async Task<LoopbackApiServer> ServeAsync(CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        return server;
    }
}
