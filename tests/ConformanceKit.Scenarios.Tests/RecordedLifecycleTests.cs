using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class RecordedLifecycleTests
{
    private const string Folder = "ordered-lifecycle";
    private static readonly Lazy<Timeline.Timeline> Recording = new(() => Recorded.Timeline(Folder));

    private static Timeline.Timeline T => Recording.Value;

    [Test]
    public void Recording_InitialCreation_PassesOrderedCreation()
    {
        // Given the recorded timeline, from applying the set until the pods were deleted
        // When
        var result = OrderedCreation.Check(T, "web", T.StepTime("applied statefulset"), T.StepTime("deleted pods"));

        // Then
        result.ShouldPass();
        T.PodsOf("web").Count.ShouldBe(9);
    }

    [Test]
    public void Recording_DeleteByLabel_PassesReplacementWithNewIps()
    {
        // Given the pods deleted by label at the "deleted pods" step
        // When
        var result = Replacement.Check(T, "web", 3, T.StepTime("deleted pods"), T.StepTime("scaled to 0"));

        // Then the new web-0 appeared while the old web-1/web-2 still terminated, and IPs changed
        result.ShouldPass().Message.ShouldContain("IP 10.88.0.6 -> 10.88.0.10");
        result.Details.ShouldContain(d => d.StartsWith("new web-0 appeared while old web-1", StringComparison.Ordinal));
    }

    [Test]
    public void Recording_FirstScaleToZero_PassesReverseOrderedScaleDown()
    {
        // Given / When / Then
        OrderedScaleDown.Check(T, "web", 3, 0, T.StepTime("scaled to 0"), T.StepTime("deleted statefulset")).ShouldPass();
    }

    [Test]
    public void Recording_SecondScaleToZero_PassesReverseOrderedScaleDown()
    {
        // Given the deletions after the markers were read (the "scaled to 0 again" line was logged once done)
        // When / Then
        OrderedScaleDown.Check(T, "web", 3, 0, T.StepTime("markers read after recreate")).ShouldPass();
    }

    [Test]
    public void Recording_WindowSpanningReplacement_ChecksEachWaveSeparately()
    {
        // Given a window holding both the first pods and their replacements
        // When
        var result = OrderedCreation.Check(T, "web", T.StepTime("applied statefulset"), T.StepTime("scaled to 0"));

        // Then the check still passes wave by wave: each incarnation respects the order
        result.ShouldPass();
        result.Details.Count(d => d.Contains("created", StringComparison.Ordinal)).ShouldBe(6);
    }

    [Test]
    public void Recording_DeletionTimestamp_RecordsRequestTimeAndRawStamps()
    {
        // Given the web-2 scaled down first
        var web2 = T.PodsOf("web").Single(p => p.Uid.StartsWith("b5ac0a9c", StringComparison.Ordinal));

        // Then the request time is the first stamp minus its grace period, and the rewrite is kept
        web2.TerminationRequested!.Server.ShouldBe(DateTimeOffset.Parse("2026-11-20T21:53:10Z", System.Globalization.CultureInfo.InvariantCulture));
        web2.DeletionStamps.Select(s => (s.Timestamp.Second, s.GracePeriodSeconds)).ShouldBe([(11, 1L), (10, 0L)]);
        web2.Gone!.Server.ShouldBeNull();
        web2.Ips.ShouldBe(["10.88.0.12"]);
        web2.ClaimNames.ShouldBe(["data-web-2"]);
    }

    [Test]
    public void Recording_PerPodStorageAndRetention_Pass()
    {
        // Given the markers recorded after replacement and after re-creation
        var written = new Dictionary<string, string> { ["web-0"] = "marker-web-0", ["web-1"] = "marker-web-1", ["web-2"] = "marker-web-2" };
        var readAfterRecreate = Markers("markers-after-recreate.txt");

        // When
        var retention = Retention.Check(T, "data", "web", 3, T.StepTime("deleted statefulset"), T.StepTime("re-applied statefulset"), written, readAfterRecreate);

        // Then
        retention.ShouldPass();
        PerPodStorage.MarkerViolations(written, Markers("markers-after-replacement.txt")).ShouldBeEmpty();
    }

    [Test]
    public void Recording_HostnameOutputs_PassIdentity()
    {
        // Given the pods alive after replacement and the recorded hostname outputs
        var at = T.StepTime("busybox nslookup after");
        var pods = T.PodsOf("web").Where(p => p.Created.Observed <= at && (p.Gone is null || p.Gone.Observed > at)).ToList();
        var service = new k8s.Models.V1Service { Metadata = new() { Name = "web" }, Spec = new() { ClusterIP = "None" } };

        // When / Then
        Identity.Check(service, pods, Markers("exec-hostname.txt")).ShouldPass();
        Naming.Check(T, "web", 3, at, p => p.Name.StartsWith("web-", StringComparison.Ordinal)).ShouldPass();
    }

    private static Dictionary<string, string> Markers(string file) =>
        SharedData.Text("recorded-k8s-1.26", Folder, file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());

    [Test]
    public void ObservedRedisWatch_ParsesAndPassesOrderedCreation()
    {
        // Given the `kubectl get pods -w` lines recorded by the seed article
        var timeline = GetPodsWatchParser.Parse(SharedData.Text("observed", "redis-cluster-recreate.get-pods-watch.txt"));

        // When / Then
        timeline.Pods.Select(p => p.Name).ShouldBe(["redis-cluster-0", "redis-cluster-1", "redis-cluster-2"]);
        timeline.Pods.ShouldAllBe(p => p.Created.Server == null && p.Ready != null);
        OrderedCreation.Check(timeline, "redis-cluster").ShouldPass();
    }

    [Test]
    public void GetPodsWatch_NextPodBeforePreviousRunning_FailsOrderedCreation()
    {
        // Given lines where redis-cluster-1 appears before redis-cluster-0 is 1/1 (negative control)
        const string text = "NAME READY STATUS RESTARTS AGE\nr-0 0/1 Pending 0 0s\nr-1 0/1 Pending 0 0s\nr-0 1/1 Running 0 3s\nr-1 1/1 Running 0 3s\n";

        // When / Then
        OrderedCreation.Check(GetPodsWatchParser.Parse(text), "r").ShouldFail("r-1 (r-1#0) was created at", "before r-0 (r-0#0) became Ready");
    }
}
