using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The two seed workloads in manifests/examples, against what the seed articles observed on real clusters.</summary>
public sealed class SeedExampleTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "seed" };

    private static SelectedWorkload Example(string file) =>
        WorkloadSelector.Select(ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", file)]));

    [Test]
    public void RedisExample_LoadsAsTheSeedDescribesIt()
    {
        // When
        var workload = Example("redis-cluster.yaml");

        // Then
        workload.Name.ShouldBe("redis-cluster");
        workload.Service.Metadata.Name.ShouldBe("cache-service");
        workload.StatefulSet.Spec.Template.Spec.Containers.Single().Image.ShouldBe("redis:6.2");
        var verdicts = WorkloadCapabilities.Judge(workload.StatefulSet).ToDictionary(v => v.Promise);
        verdicts[WorkloadPromises.OrderedCreation].Outcome.ShouldBe(PromiseOutcome.Check);
        verdicts[WorkloadPromises.PerPodStorage].Outcome.ShouldBe(PromiseOutcome.Skip);
        verdicts[WorkloadPromises.Readiness].Reason.ShouldStartWith("no container has a readinessProbe");
    }

    [Test]
    public void RedisExample_ObservedRecreation_PassesOrderedCreationUnderItsPolicy()
    {
        // Given the set from the example and the article's `kubectl get pods -w` of its recreation
        var set = Example("redis-cluster.yaml").StatefulSet;
        var timeline = GetPodsWatchParser.Parse(SharedData.Text("observed", "redis-cluster-recreate.get-pods-watch.txt"));

        // When
        var ordered = OrderedCreationUnderPolicy.Check(timeline, set.Metadata.Name, set.Spec.PodManagementPolicy);
        var parallel = OrderedCreationUnderPolicy.Check(timeline, set.Metadata.Name, "Parallel");

        // Then the same observation passes under the example's policy and fails once the policy is Parallel
        ordered.ShouldPass();
        parallel.ShouldFail("redis-cluster has podManagementPolicy Parallel");
    }

    [Test]
    public void RedisExample_ImageMapForAnAirGappedCluster_ChangesOnlyTheImage()
    {
        // Given the example and a mirror of redis:6.2
        var workload = Example("redis-cluster.yaml");

        // When
        var rewritten = NamespaceRewrite.Apply(workload.Documents, "ck-redis", Labels, ImageMap.Parse(["redis:6.2=registry.local/redis:6.2"]));

        // Then: namespace and label on both documents, and the image on the set, nothing else
        rewritten.Changes.Select(c => c.Field).ShouldBe(
        [
            "metadata.namespace", "metadata.labels[conformancekit.io/session]",
            "metadata.namespace", "metadata.labels[conformancekit.io/session]",
            "spec.template.spec.containers[redis-node].image (--workload-image-map redis:6.2=registry.local/redis:6.2)",
        ]);
        rewritten.Yaml.ShouldContain("image: \"registry.local/redis:6.2\"");
    }

    [Test]
    public void NginxExample_HasPerPodStorageAndAMarkerMount()
    {
        // When
        var workload = Example("sfs-test01.yaml");

        // Then
        workload.Name.ShouldBe("sfs-test01");
        workload.StatefulSet.Spec.VolumeClaimTemplates.Single().Metadata.Name.ShouldBe("sfs-vol01");
        DataMarkerPlan.For(workload.StatefulSet).Targets.ShouldBe([new MarkerTarget("sfs-vol01", "nginx", "/usr/share/nginx/html", "nginx:latest")]);
        WorkloadCapabilities.Judge(workload.StatefulSet).ShouldAllBe(v => v.Outcome == PromiseOutcome.Check);
    }

    [Test]
    public void NginxExample_MatchesWhatTheArticleObserved()
    {
        // Given the article's `kubectl get svc` and `kubectl get pod -o wide`
        var workload = Example("sfs-test01.yaml");
        var svc = SharedData.Text("observed", "sfs-service01.get-svc.txt").Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pods = SharedData.Text("observed", "sfs-test01.get-pod-wide.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToList();

        // When
        var start = workload.StatefulSet.Spec.Ordinals?.Start ?? 0;
        var expected = Enumerable.Range(start, workload.StatefulSet.Spec.Replicas!.Value).Select(i => $"{workload.Name}-{i}");

        // Then the Service is the headless one the article listed, and the pods are the set's ordinal names
        (svc[0], svc[2]).ShouldBe((workload.Service.Metadata.Name, workload.Service.Spec.ClusterIP));
        pods.ShouldBe(expected);
    }
}
