using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// WaitReadyAsync when the pods never get Ready: the recorded v1.26 pending-wffc namespace (class manual-wffc,
/// WaitForFirstConsumer, no volume to bind) replayed on the recorder's watches, judged by the claims' supply.
/// </summary>
[CancelAfter(60_000)]
public sealed class WaitReadyClaimSupplyTests
{
    private string? manifest;

    [TearDown]
    public void RemoveManifest()
    {
        if (manifest is not null)
        {
            File.Delete(manifest);
        }
    }

    private const string Manifest = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: web
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: busybox}]
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {storageClassName: manual-wffc, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;

    [Test]
    public async Task WaitReady_AClassThatProvidesNoVolume_FailsAsTheClaimSupplyCheckNamingTheClass()
    {
        // Given the recorded namespace where the scheduler refused web-0 for want of a volume to bind
        var (api, file) = await StartAsync(includeRefusal: true);
        await using var _ = api;
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(file), Options);

        // When the test waits for the set to be Ready
        var error = await Should.ThrowAsync<CheckFailedException>(() => workload.WaitReadyAsync(CancellationToken.None));

        // Then it fails as the cluster's violation, with the Pending diagnosis in plain words
        error.Message.ShouldContain("ClaimSupply");
        error.Message.ShouldContain("storageClassName=manual-wffc provides no volume for pod web-0");
        error.InnerException.ShouldBeOfType<TimeoutException>();
    }

    [Test]
    public async Task WaitReady_APodNotYetTriedByTheScheduler_StaysATimeout()
    {
        // Given the same namespace without the scheduler's refusals (the negative control: nothing says why yet)
        var (api, file) = await StartAsync(includeRefusal: false);
        await using var _ = api;
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(file), Options);

        // When / Then the wait ends as the harness's timeout, not as a violation
        await Should.ThrowAsync<TimeoutException>(() => workload.WaitReadyAsync(CancellationToken.None));
    }

    private static WorkloadUnderTestOptions Options => new() { StepTimeout = TimeSpan.FromSeconds(2), CleanupTimeout = TimeSpan.FromSeconds(20) };

    private async Task<(WorkloadApiServer Api, string File)> StartAsync(bool includeRefusal)
    {
        var file = manifest = Path.Combine(Path.GetTempPath(), $"ck-wffc-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, Manifest);
        var api = await WorkloadApiServer.StartAsync(
            watch: (ns, resource) => Replay(ns, resource, includeRefusal),
            more: (server, ns) => server
                .Map("PATCH", $"/api/v1/namespaces/{ns}/services/web", WorkloadApiServer.EchoAsync)
                .Map("PATCH", $"/apis/apps/v1/namespaces/{ns}/statefulsets/web", WorkloadApiServer.EchoAsync));
        api.Server.Map("GET", "/apis/storage.k8s.io/v1/storageclasses", Respond.List("StorageClassList", "103", null,
            """{"kind":"StorageClass","apiVersion":"storage.k8s.io/v1","metadata":{"name":"manual-wffc"},"provisioner":"kubernetes.io/no-provisioner","volumeBindingMode":"WaitForFirstConsumer","reclaimPolicy":"Delete"}"""));
        return (api, file);
    }

    // The recording's events up to the namespace's deletion, moved into the workload's namespace.
    private static WatchScript Replay(string ns, string resource, bool includeRefusal)
    {
        var file = resource switch { "pods" => "pods", "persistentvolumeclaims" => "pvcs", "events" => "events", _ => null };
        var script = new WatchScript();
        if (file is null)
        {
            return script.HoldOpen();
        }

        foreach (var line in File.ReadLines(SharedData.RecordedFile("pending-wffc", $"{file}.watch.jsonl")))
        {
            if (line.StartsWith("""{"type":"ADDED""", StringComparison.Ordinal) || line.StartsWith("""{"type":"MODIFIED""", StringComparison.Ordinal))
            {
                if (includeRefusal || !line.Contains("FailedScheduling", StringComparison.Ordinal) && !line.Contains("\"PodScheduled\"", StringComparison.Ordinal))
                {
                    script.Line(line.Replace("\"pending-wffc\"", $"\"{ns}\"", StringComparison.Ordinal));
                }
            }
        }

        return script.HoldOpen();
    }
}
