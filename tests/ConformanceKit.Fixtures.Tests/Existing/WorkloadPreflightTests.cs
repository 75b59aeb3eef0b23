using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Existing;

/// <summary>The user's workload checked against a cluster before any scenario (loopback server with the recorded v1.26 discovery).</summary>
public sealed class WorkloadPreflightTests
{
    private DirectoryInfo? folder;

    [TearDown]
    public void RemoveFiles() => folder?.Delete(recursive: true);

    private const string Set = """
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          replicas: 2
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres:16}]
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {CLASS accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """;

    private const string Slow = """{"metadata":{"name":"slow"},"provisioner":"x"}""";
    private const string DefaultClass = """{"metadata":{"name":"local-path","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"rancher.io/local-path"}""";

    [Test]
    public async Task Check_ATemplateWithoutClass_OnAClusterWithADefault_NamesTheClassItsClaimsGet()
    {
        // Given a set whose claim template names no class, and a cluster with a default class
        var (server, options) = await StartAsync("", Slow, DefaultClass);
        await using var _ = server;
        using var client = KubeClient.Create(server.CreateConnection());

        // When checked
        var line = await WorkloadPreflight.CheckAsync(client, options, CancellationToken.None);

        // Then
        line.ShouldBe("workload db: the cluster serves all 2 document(s); claims data on class local-path (the default)");
    }

    [Test]
    public async Task Check_ATemplateNamingAMissingClass_FailsInOneLineListingTheClusters()
    {
        // Given a template naming the class gold, which the cluster does not have
        var (server, options) = await StartAsync("storageClassName: gold,", Slow, DefaultClass);
        await using var _ = server;
        using var client = KubeClient.Create(server.CreateConnection());

        // When / Then
        var error = await Should.ThrowAsync<ClusterStartException>(() => WorkloadPreflight.CheckAsync(client, options, CancellationToken.None));
        error.Message.ShouldBe("StatefulSet db's volumeClaimTemplate data names storageClassName gold, which the cluster does not have (it has: slow, local-path (default)); change the template's storageClassName.");
    }

    [Test]
    public async Task Check_ATemplateWithoutClass_OnAClusterWithoutADefault_FailsNamingIt()
    {
        // Given a template naming no class, and a cluster whose only class is not default
        var (server, options) = await StartAsync("", Slow);
        await using var _ = server;
        using var client = KubeClient.Create(server.CreateConnection());

        // When / Then
        var error = await Should.ThrowAsync<ClusterStartException>(() => WorkloadPreflight.CheckAsync(client, options, CancellationToken.None));
        error.Message.ShouldStartWith("StatefulSet db's volumeClaimTemplate data names no storageClassName and the cluster has no default StorageClass (it has: slow)");
    }

    [Test]
    public async Task Check_AKindTheClusterDoesNotServe_FailsNamingTheDocument_BeforeAnyClassIsRead()
    {
        // Given the set plus a document of a kind the recorded discovery does not list
        var (server, options) = await StartAsync("", DefaultClass);
        await using var _ = server;
        var extra = Path.Combine(Path.GetDirectoryName(options.WorkloadManifests[0])!, "widget.yaml");
        await File.WriteAllTextAsync(extra, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: gauge}\n");
        using var client = KubeClient.Create(server.CreateConnection());

        // When / Then
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            WorkloadPreflight.CheckAsync(client, options with { WorkloadManifests = [.. options.WorkloadManifests, extra] }, CancellationToken.None));
        error.Message.ShouldContain("Widget/gauge: the cluster does not serve the kind Widget (example.com/v1)");
        server.Requests.ShouldNotContain(r => r.Path.EndsWith("/storageclasses", StringComparison.Ordinal));
    }

    private async Task<(LoopbackApiServer Server, ConformanceOptions Options)> StartAsync(string classField, params string[] classes)
    {
        var server = await LoopbackApiServer.StartAsync();
        server.MapRecordedDiscovery()
            .Map("GET", "/apis/storage.k8s.io/v1/storageclasses", Respond.List("StorageClassList", "7", null, classes));
        folder = Directory.CreateTempSubdirectory("ck-workload-preflight-");
        var file = Path.Combine(folder.FullName, "db.yaml");
        await File.WriteAllTextAsync(file, Set.Replace("CLASS ", classField.Length == 0 ? "" : classField + " ", StringComparison.Ordinal));
        var options = ConformanceOptions.Read(_ => null, new Dictionary<string, string?> { ["CK_WORKLOAD_MANIFEST"] = file });
        return (server, options);
    }
}
