using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class WorkloadPlanTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "s1" };

    private static string Example(string file) => RepositoryFiles.Path("manifests", "examples", file);

    [Test]
    public void Prepare_BothSeedExamplesWithName_SelectsItAndSummarisesChangesAndPromises()
    {
        // When
        var plan = WorkloadPlan.Prepare([Example("redis-cluster.yaml"), Example("sfs-test01.yaml")], "sfs-test01", [], Labels);

        // Then
        var summary = plan.Summary();
        summary[0].ShouldStartWith("workload: StatefulSet sfs-test01 (3 replicas, podManagementPolicy OrderedReady) with headless Service sfs-service01; 4 document(s) from ");
        summary.Count(l => l.Contains("metadata.namespace (not set) → scenario-namespace", StringComparison.Ordinal)).ShouldBe(4);
        summary.ShouldContain("  CHECK DataMarkers: a marker file written in /usr/share/nginx/html of nginx (sfs-vol01) is read back after replacement and re-creation, if the image has a shell");
        summary.ShouldNotContain(l => l.StartsWith("values naming another namespace", StringComparison.Ordinal));
    }

    [Test]
    public void Prepare_ClusterScopedDocument_IsRefusedBeforeAnyScenario()
    {
        // Given the example plus a StorageClass in a second file
        var dir = Directory.CreateTempSubdirectory("ck-plan-");
        try
        {
            var storageClass = Path.Combine(dir.FullName, "class.yaml");
            File.WriteAllText(storageClass, "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: pv-sfs-test01}\nprovisioner: kubernetes.io/no-provisioner\n");

            // When
            var error = Should.Throw<WorkloadInputException>(() => WorkloadPlan.Prepare([Example("sfs-test01.yaml"), storageClass], null, [], Labels));

            // Then
            error.Message.ShouldStartWith($"{storageClass} document 1 (line 1) StorageClass/pv-sfs-test01: StorageClass is cluster-scoped");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void Prepare_NoFile_AsksForTheFlag()
    {
        // When / Then
        Should.Throw<WorkloadInputException>(() => WorkloadPlan.Prepare([], null, [], Labels)).Message.ShouldStartWith("no --workload-manifest given");
    }

    [Test]
    public void RewriteFor_ScenarioNamespace_UsesItAndTheImageMapOfThePlan()
    {
        // Given a plan with a mirror for nginx
        var plan = WorkloadPlan.Prepare([Example("sfs-test01.yaml")], null, ["nginx=mirror.local/nginx"], Labels);

        // When
        var rewritten = plan.RewriteFor("ck-storage-7", Labels);

        // Then
        rewritten.Namespace.ShouldBe("ck-storage-7");
        rewritten.Documents.ShouldAllBe(d => d.Namespace == "ck-storage-7");
        rewritten.Yaml.ShouldContain("image: \"mirror.local/nginx:latest\"");
        plan.Preview.Yaml.ShouldContain("namespace: \"scenario-namespace\"");
    }

    [Test]
    public void ServedProblem_ExampleOnAClusterWithoutApps_NamesTheStatefulSet()
    {
        // Given discovery that serves the core kinds only, and one that also serves apps/v1 StatefulSets
        var plan = WorkloadPlan.Prepare([Example("redis-cluster.yaml")], null, [], Labels);
        var core = new HashSet<ServedKind> { new("v1", "Service", true) };
        var withApps = new HashSet<ServedKind>(core) { new("apps/v1", "StatefulSet", true) };

        // When / Then
        plan.ServedProblem(core)!.ShouldContain("StatefulSet/redis-cluster: the cluster does not serve the kind StatefulSet (apps/v1)");
        plan.ServedProblem(withApps).ShouldBeNull();
    }
}
