using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class ServedKindsTests
{
    private static readonly string Monitor = """
        apiVersion: monitoring.example.com/v1
        kind: ServiceMonitor
        metadata: {name: db}
        """;

    [Test]
    public void Check_RecordedV126Discovery_ServesTheSeedKinds()
    {
        // Given what the v1.26 server's discovery said for v1 and apps/v1
        var served = RecordedDiscovery();

        // When
        var problem = ServedKinds.Check(served, ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet())));

        // Then
        problem.ShouldBeNull();
        served.ShouldContain(new ServedKind("apps/v1", "StatefulSet", true));
        served.ShouldNotContain(k => k.Kind == "StatefulSet" && !k.Namespaced);
    }

    [Test]
    public void Check_KindTheClusterDoesNotServe_NamesTheDocumentAndWhatToInstall()
    {
        // Given a custom resource whose CRD the recorded cluster does not have
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, Monitor));

        // When
        var problem = ServedKinds.Check(RecordedDiscovery(), documents);

        // Then
        problem.ShouldBe("db.yaml document 2 (line 12) ServiceMonitor/db: the cluster does not serve the kind ServiceMonitor (monitoring.example.com/v1); install what provides it (its CRD or operator) before the run, or remove the document");
    }

    [Test]
    public void Check_KindServedInAnotherVersionOnly_NamesTheServedVersions()
    {
        // Given a StatefulSet written as apps/v1beta2 (removed in Kubernetes 1.16)
        var documents = ManifestLoader.Load("old.yaml", WorkloadYaml.StatefulSet().Replace("apps/v1", "apps/v1beta2", StringComparison.Ordinal));

        // When / Then
        ServedKinds.Check(RecordedDiscovery(), documents).ShouldBe(
            "old.yaml document 1 (line 1) StatefulSet/db: the cluster does not serve StatefulSet in apps/v1beta2, only in apps/v1; change the document's apiVersion");
    }

    [Test]
    public void Check_CustomKindServedClusterScoped_IsRefused()
    {
        // Given discovery that serves ServiceMonitor cluster-scoped, and the same kind namespaced as the control
        var documents = ManifestLoader.Load("db.yaml", Monitor);
        var clusterScoped = new HashSet<ServedKind> { new("monitoring.example.com/v1", "ServiceMonitor", false) };
        var namespaced = new HashSet<ServedKind> { new("monitoring.example.com/v1", "ServiceMonitor", true) };

        // When / Then
        ServedKinds.Check(clusterScoped, documents)!.ShouldContain("ServiceMonitor/db: ServiceMonitor is cluster-scoped, and each scenario applies the workload only into its own namespace");
        ServedKinds.Check(namespaced, documents).ShouldBeNull();
    }

    [Test]
    public void Check_SeveralProblems_NamesTheFirstAndCountsTheRest()
    {
        // Given two documents of kinds the empty discovery does not list
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet()));

        // When / Then
        ServedKinds.Check(new HashSet<ServedKind>(), documents)!.ShouldEndWith("(and 1 more document(s) the cluster cannot take)");
    }

    private static IReadOnlySet<ServedKind> RecordedDiscovery() => ServedKinds.FromDiscovery(
        new[] { "discovery.api_v1.json", "discovery.apis_apps_v1.json", "discovery.apis_storage.k8s.io_v1.json" }
            .Select(f => KubernetesJson.Deserialize<V1APIResourceList>(SharedData.Text("recorded-k8s-1.26", "api-responses", f))));
}
