using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Tests.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The checks the live workload scenarios run that are new or used in a new way, on recordings, observed output and hand-built timelines, each with a control.</summary>
public sealed class LiveChecksTests
{
    private static readonly V1Service Headless = new() { Metadata = new() { Name = "web" }, Spec = new() { ClusterIP = "None" } };

    [Test]
    public void IdentityFromApi_RecordedPods_HaveHostnameAndSubdomain()
    {
        // Given the recorded pods of ordered-lifecycle (their spec as the v1.26 server stored it)
        var pods = RecordedStorage.Timeline("ordered-lifecycle").PodsOf("web");

        // When / Then
        Identity.CheckApi(Headless, pods).ShouldPass().Message.ShouldContain("read from the API");
    }

    [Test]
    public void IdentityFromApi_AnotherServiceOrNoHostname_Fails()
    {
        // Given the same pods under another Service, and a pod without spec.hostname (negative controls)
        var pods = RecordedStorage.Timeline("ordered-lifecycle").PodsOf("web");
        var other = new V1Service { Metadata = new() { Name = "cache" }, Spec = new() { ClusterIP = "None" } };
        var bare = Hand.OrderedLifecycle().Pods.Select(p => p.Name == "web-1" ? p with { Hostname = null } : p);

        // When / Then
        Identity.CheckApi(other, pods).ShouldFail("has spec.subdomain web, expected cache");
        Identity.CheckApi(Headless, bare).ShouldFail("has spec.hostname unset, expected web-1");
    }

    [Test]
    public void DataMarkers_EachPodReadsItsOwn_Passes_SwappedOrMissing_Fails()
    {
        // Given markers per pod and template, read back as written, swapped between two pods, and lost
        var written = new Dictionary<string, string> { ["db-0 (data)"] = "marker-db-0", ["db-1 (data)"] = "marker-db-1" };
        var swapped = new Dictionary<string, string> { ["db-0 (data)"] = "marker-db-1", ["db-1 (data)"] = "marker-db-0" };
        var lost = new Dictionary<string, string> { ["db-0 (data)"] = "", ["db-1 (data)"] = "marker-db-1\n" };

        // When / Then
        DataMarkerCheck.Check(written, written, "every pod was replaced").ShouldPass();
        DataMarkerCheck.Check(written, swapped, "the set was re-created").ShouldFail("after the set was re-created: db-0 (data) read db-1 (data)'s marker");
        DataMarkerCheck.Check(written, lost, "every pod was replaced").ShouldFail("db-0 (data) read marker ''");
        DataMarkerCheck.Check(new Dictionary<string, string>(), written, "x").ShouldFail("no marker was written");
    }

    [Test]
    public void ClaimsSurviveScaleToZero_RecordedRetain_Passes_RecordedDeletePolicy_Fails()
    {
        // Given ordered-lifecycle (scaled to 0, then the set re-created: its claims kept) and retention-policy-delete
        // (whenScaled Delete: scaled to 1, the claims of web-1 and web-2 deleted, data-web-2's seen before the set deletion)
        var retain = RecordedStorage.Timeline("ordered-lifecycle");
        var delete = RecordedStorage.Timeline("retention-policy-delete");

        // When / Then the disruption is named in both outcomes
        Retention.Check(retain, "data", "web", 3, retain.StepTime("scaled to 0"), retain.StepTime("re-applied statefulset"), disruption: "scale to 0")
            .ShouldPass().Message.ShouldContain("after the scale to 0");
        var deleted = Retention.Check(delete, "data", "web", 3, delete.StepTime("scaled to 1"), delete.StepTime("deleted statefulset"), disruption: "scale to 0");
        deleted.ShouldFail("after the scale to 0");
        deleted.Details.ShouldContain(d => d.StartsWith("claim data-web-2 was deleted at", StringComparison.Ordinal) && d.Contains("after the scale to 0", StringComparison.Ordinal));
    }

    [Test]
    public void ClaimsKeptAcrossPodDeletion_RecordedReplacement_Passes_NewClaimUnderTheSameName_Fails()
    {
        // Given ordered-lifecycle's pods deleted by label and replaced, and a hand-built claim re-created under its name
        var t = RecordedStorage.Timeline("ordered-lifecycle");
        var deletedAt = t.StepTime("deleted pods");
        var recreated = t with { Claims = [.. t.Claims, Hand.Claim("data-web-1", "another-uid", 40, "pv-other")] };

        // When / Then
        Retention.Check(t, "data", "web", 3, deletedAt, deletedAt, disruption: "pod deletion").ShouldPass();
        Retention.Check(recreated, "data", "web", 3, deletedAt, deletedAt, disruption: "pod deletion").ShouldFail("claim data-web-1 was re-created");
    }

    [Test]
    public void RedisSeedWatch_JudgedThroughTheGate_PassesNamingAndOrdering_AsParallelIsAViolation()
    {
        // Given the seed workload's own `kubectl get pods -w` and the example's set, as written and made Parallel
        var timeline = GetPodsWatchParser.Parse(SharedData.Text("observed", "redis-cluster-recreate.get-pods-watch.txt"));
        var set = ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", "redis-cluster.yaml")]).Single(d => d.Kind == "StatefulSet").As<V1StatefulSet>()!;
        var parallel = ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", "redis-cluster.yaml")]).Single(d => d.Kind == "StatefulSet").As<V1StatefulSet>()!
            .Also(s => s.Spec.PodManagementPolicy = "Parallel");

        // When each is judged as the live scenario does
        var shape = WorkloadShape.Of(set);
        var ordered = OrderedCreationUnderPolicy.Check(timeline, shape.Name, shape.PodManagementPolicy);
        var verdict = PromiseGate.Decide(WorkloadCapabilities.Judge(parallel), parallel, WorkloadPromises.OrderedCreation);

        // Then the pods are redis-cluster-0..2 created in order; the Parallel set fails naming the policy
        Naming.Check(timeline, shape.Name, shape.Replicas).ShouldPass();
        Naming.Check(timeline, shape.Name, shape.Replicas + 1).ShouldFail("no pod is named redis-cluster-3");
        ordered.ShouldPass();
        verdict.Outcome.ShouldBe(PromiseOutcome.Violation);
        OrderedCreationUnderPolicy.Check(timeline, shape.Name, WorkloadShape.Of(parallel).PodManagementPolicy).ShouldFail("podManagementPolicy Parallel");
    }

    [Test]
    public void Replacement_OfTheExampleMadeParallel_IsJudgedOnNamesAndUids_AsWrittenItMustComeBackInOrder()
    {
        // Given the redis example as written (OrderedReady) and made Parallel, and every pod re-created at once
        var set = ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", "redis-cluster.yaml")]).Single(d => d.Kind == "StatefulSet").As<V1StatefulSet>()!;
        var parallel = ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", "redis-cluster.yaml")]).Single(d => d.Kind == "StatefulSet").As<V1StatefulSet>()!
            .Also(s => s.Spec.PodManagementPolicy = "Parallel");
        var timeline = new Timeline.Timeline
        {
            Pods =
            [
                .. Enumerable.Range(0, 3).Select(i => Hand.Pod($"redis-cluster-{i}", $"old-{i}", 2 * i, ready: 2 * i + 1, deleted: 10, gone: 11 + i)),
                .. Enumerable.Range(0, 3).Select(i => Hand.Pod($"redis-cluster-{i}", $"new-{i}", 14, ready: 16)),
            ],
        };

        // When the live scenario judges it with each set's shape
        var judge = (V1StatefulSet s) => Replacement.Check(timeline, WorkloadShape.Of(s).Name, WorkloadShape.Of(s).Replicas, Hand.At(9.9), podManagementPolicy: WorkloadShape.Of(s).PodManagementPolicy);

        // Then the Parallel set passes (its order is the ordering promises' violation); the OrderedReady set fails on the order
        judge(parallel).ShouldPass().Message.ShouldContain("podManagementPolicy Parallel");
        judge(set).ShouldFail("replacements were not created in order");
    }
}
