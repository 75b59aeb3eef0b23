using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Fixtures.Tests.Session;
using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// A loopback API server with the recorded v1.26 discovery where a workload's namespace can be created (its default
/// ServiceAccount present at once), recorded (empty pod, claim and event lists; watches held open), applied into
/// (each server-side apply answered by <paramref name="apply"/>, by default the document sent, 201) and deleted; its
/// one storage class is local-path, the default.
/// </summary>
internal sealed class WorkloadApiServer(LoopbackApiServer server, RunSession run) : IAsyncDisposable
{
    public LoopbackApiServer Server => server;

    public RunSession Run => run;

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [SessionLabels.Session] = run.Id };

    /// <param name="apply">The answer to each server-side apply (default: the document sent, 201).</param>
    /// <param name="watch">A namespace's watch of pods or persistentvolumeclaims (default: held open without events).</param>
    /// <param name="more">More routes of the created namespace.</param>
    public static async Task<WorkloadApiServer> StartAsync(
        LoopbackHandler? apply = null, Func<string, string, WatchScript>? watch = null, Action<LoopbackApiServer, string>? more = null)
    {
        var server = await LoopbackApiServer.StartAsync();
        TestNamespacesServiceAccountTests.MapNamespaceCreation(server, name =>
        {
            TestNamespacesServiceAccountTests.ServiceAccountAppearsAfter(server, name, Task.CompletedTask);
            foreach (var (resource, kind) in new[] { ("pods", "PodList"), ("persistentvolumeclaims", "PersistentVolumeClaimList"), ("events", "EventList") })
            {
                server.MapList($"/api/v1/namespaces/{name}/{resource}", Respond.List(kind, "100", null))
                    .MapWatch($"/api/v1/namespaces/{name}/{resource}", Respond.Watch(watch?.Invoke(name, resource) ?? new WatchScript().HoldOpen()));
            }

            more?.Invoke(server, name);

            server.Map("PATCH", $"/api/v1/namespaces/{name}/services/sfs-service01", apply ?? EchoAsync)
                .Map("PATCH", $"/apis/apps/v1/namespaces/{name}/statefulsets/sfs-test01", apply ?? EchoAsync)
                .Map("DELETE", $"/api/v1/namespaces/{name}", Respond.Json(200, """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"gone"}}"""));
        });
        server.Map("GET", "/api/v1/namespaces", Respond.List("NamespaceList", "101", null))
            .Map("GET", "/api/v1/persistentvolumes", Respond.List("PersistentVolumeList", "102", null))
            .Map("GET", "/apis/storage.k8s.io/v1/storageclasses", Respond.List("StorageClassList", "103", null,
                """{"kind":"StorageClass","apiVersion":"storage.k8s.io/v1","metadata":{"name":"local-path","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"rancher.io/local-path","volumeBindingMode":"WaitForFirstConsumer"}"""));
        return new WorkloadApiServer(server, RunSession.Create());
    }

    /// <summary>manifests/examples/sfs-test01.yaml: Service sfs-service01 and StatefulSet sfs-test01 (3 replicas, claim template sfs-vol01).</summary>
    public static string Example([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "manifests", "examples", "sfs-test01.yaml"));

    public WorkloadPlan Plan(params string[] files) => WorkloadPlan.Prepare(files, null, [], Labels);

    public Task<WorkloadUnderTest> StartWorkloadAsync(KubeClient client, WorkloadPlan plan, WorkloadUnderTestOptions? options = null) =>
        WorkloadUnderTest.StartAsync(client, new TestNamespaces(client, run), plan, Labels,
            options ?? new WorkloadUnderTestOptions { CleanupTimeout = TimeSpan.FromSeconds(20) }, false, CancellationToken.None);

    /// <summary>The requests that change something (anything but GET).</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. server.Requests.Where(r => r.Method != "GET")];

    public ValueTask DisposeAsync() => server.DisposeAsync();

    internal static async Task EchoAsync(Microsoft.AspNetCore.Http.HttpContext context)
    {
        var sent = await JsonNode.ParseAsync(context.Request.Body);
        await Respond.Json(201, sent!.ToJsonString())(context);
    }
}
