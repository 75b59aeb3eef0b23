using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

/// <summary>Watch recovery: relists after 410 Gone, and streams that never end on a dead connection.</summary>
public sealed class WatchRelistTests : LoopbackTest
{
    private static readonly WatchOptions From100 = new() { ResourceVersion = "100" };

    private async Task<List<WatchEvent<V1Pod>>> RelistAsync(params string[] listed)
    {
        Server.MapWatch(PodsPath,
            Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-0", "u0", "101"))).Error(410, "Expired", "too old resource version: 101 (150)")),
            Respond.Watch(new WatchScript().Bookmark("Pod", "201").HoldOpen()));
        Server.MapList(PodsPath, Respond.List("PodList", "200", null, listed));
        using var client = CreateClient();
        var expected = 1 + (listed.Length == 1 && listed[0].Contains("\"u0\"", StringComparison.Ordinal) ? 1 : 2) + 1;
        return await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100, ct), expected);
    }

    [Test]
    public async Task Relist_PodReplacedUnderTheSameName_IsReportedDeletedBeforeAdded()
    {
        // Given a watch that knew web-0 (uid u0) and, after 410, a list holding a new web-0 (uid u9)
        // When the watch relists
        var events = await RelistAsync(Pod("web-0", "u9", "190"));

        // Then the old pod is reported gone before the new one appears, so a consumer keyed by name ends with web-0 present
        events.Skip(1).Take(2).Select(e => (e.Type, e.Object!.Metadata.Uid))
            .ShouldBe([(WatchEventType.Deleted, "u0"), (WatchEventType.Added, "u9")]);
        var present = new HashSet<string>();
        foreach (var change in events.Where(e => e.Object is not null))
        {
            _ = change.Type == WatchEventType.Deleted ? present.Remove(change.Object!.Metadata.Name!) : present.Add(change.Object!.Metadata.Name!);
        }

        present.ShouldBe(["web-0"]);
    }

    [Test]
    public async Task Relist_SamePodChanged_IsOneModifiedEvent()
    {
        // Given the same web-0 (uid u0) at a newer resourceVersion (negative control: no delete for a mere change)
        // When the watch relists
        var events = await RelistAsync(Pod("web-0", "u0", "190"));

        // Then one Modified event carries the new version
        events.Skip(1).Take(1).Select(e => (e.Type, e.ResourceVersion)).ShouldBe([(WatchEventType.Modified, "190")]);
        events.Last().Type.ShouldBe(WatchEventType.Bookmark);
    }

    [Test]
    public async Task Watch_StreamOpenPastTheServerTimeout_IsAbandonedAndResumed()
    {
        // Given a server timeout of 1 s and a first stream that delivers one event and then never ends (a dead connection)
        Server.MapWatch(PodsPath,
            Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-0", "u0", "101"))).HoldOpen()),
            Respond.Watch(new WatchScript().Line(WatchLine("MODIFIED", Pod("web-0", "u0", "102"))).HoldOpen()));
        using var client = CreateClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // When two events are read
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100 with { RequestTimeout = TimeSpan.FromSeconds(1) }, ct), 2);

        // Then the client gave up on the silent stream, not before twice the server timeout (a live stream is kept),
        // and resumed from the last resourceVersion it saw
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
        events.Select(e => e.ResourceVersion).ShouldBe(["101", "102"]);
        Server.RequestsTo(PodsPath).Select(r => (r.Query("resourceVersion"), r.Query("timeoutSeconds"))).ShouldBe([("100", "1"), ("101", "1")]);
    }
}
