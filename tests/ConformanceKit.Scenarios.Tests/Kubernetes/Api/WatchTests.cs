using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class WatchTests : LoopbackTest
{
    private static readonly WatchOptions From100 = new() { ResourceVersion = "100" };

    [Test]
    public async Task Watch_ObjectSplitAcrossChunks_IsDecodedWhole()
    {
        // Given a watch stream whose two events are cut mid-object, one cut inside a multi-byte character
        var line = WatchLine("ADDED", Pod("web-0", "u0", "101", "Pendingé"));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript()
            .Split(line, 5, 40, line.IndexOf('é', StringComparison.Ordinal) + 1)
            .Split(WatchLine("MODIFIED", Pod("web-0", "u0", "102")), 1, 2, 90)
            .HoldOpen()));
        using var client = CreateClient();

        // When two events are read
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100, ct), 2);

        // Then both decode with their content intact
        events.Select(e => (e.Type, e.Object!.Status!.Phase, e.ResourceVersion))
            .ShouldBe([(WatchEventType.Added, "Pendingé", "101"), (WatchEventType.Modified, "Running", "102")]);
    }

    [Test]
    public async Task Watch_Request_AsksForBookmarksFromTheResourceVersion()
    {
        // Given a stream with one bookmark
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().Bookmark("Pod", "150").HoldOpen()));
        using var client = CreateClient();

        // When the first event is read
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100 with { LabelSelector = "app=web" }, ct), 1);

        // Then the bookmark is yielded with its resourceVersion and the request carried the documented query
        events.Single().ShouldBe(events.Single() with { Type = WatchEventType.Bookmark, Object = null, ResourceVersion = "150" });
        var request = Server.RequestsTo(PodsPath).Single();
        (request.Query("watch"), request.Query("allowWatchBookmarks"), request.Query("resourceVersion"), request.Query("labelSelector"))
            .ShouldBe(("true", "true", "100", "app=web"));
        request.Query("timeoutSeconds").ShouldNotBeNull();
    }

    [Test]
    public async Task Watch_DroppedMidStream_ResumesFromTheLastResourceVersion()
    {
        // Given a stream that delivers one event, then dies in the middle of the next object once the test saw the first
        var seenFirst = new TaskCompletionSource();
        var second = WatchLine("MODIFIED", Pod("web-0", "u0", "103"));
        Server.MapWatch(PodsPath,
            Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-0", "u0", "101"))).WaitFor(seenFirst.Task).Chunks(second[..30]).Drop()),
            Respond.Watch(new WatchScript().Line(second).HoldOpen()));
        using var client = CreateClient();
        using var deadline = new CancellationTokenSource(Streams.Deadline);
        await using var events = client.WatchAsync<V1Pod>(Ns, From100, deadline.Token).GetAsyncEnumerator(deadline.Token);

        // When the first event is read, the connection drops, and the next event is read
        (await events.MoveNextAsync()).ShouldBeTrue();
        var first = events.Current;
        seenFirst.SetResult();
        (await events.MoveNextAsync()).ShouldBeTrue();

        // Then the watch reconnected from the last resourceVersion it saw (not the initial one) and went on
        (first.ResourceVersion, events.Current.ResourceVersion).ShouldBe(("101", "103"));
        Server.RequestsTo(PodsPath).Select(r => r.Query("resourceVersion")).ShouldBe(["100", "101"]);
    }

    [Test]
    public async Task Watch_CleanEndOfStream_ResumesFromTheBookmark()
    {
        // Given a stream that ends cleanly after a bookmark (negative control for the drop case: no error either)
        Server.MapWatch(PodsPath,
            Respond.Watch(new WatchScript().Bookmark("Pod", "120")),
            Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-1", "u1", "121"))).HoldOpen()));
        using var client = CreateClient();

        // When two events are read
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100, ct), 2);

        // Then the second request resumed from the bookmark's resourceVersion
        events.Select(e => e.Type).ShouldBe([WatchEventType.Bookmark, WatchEventType.Added]);
        Server.RequestsTo(PodsPath).Select(r => r.Query("resourceVersion")).ShouldBe(["100", "120"]);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Watch_AfterGone_RelistsAndYieldsTheDifferences(bool asErrorEvent)
    {
        // Given a watch that knows web-0 and web-1, then is told its resourceVersion expired (ERROR event or HTTP 410),
        // and a relist where web-0 changed, web-1 vanished and web-2 appeared
        var gone = asErrorEvent
            ? Respond.Watch(new WatchScript().Error(410, "Expired", "too old resource version: 100 (150)"))
            : Respond.Status(410, "Gone", "too old resource version");
        Server.MapWatch(PodsPath,
            Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-0", "u0", "101"))).Line(WatchLine("ADDED", Pod("web-1", "u1", "102")))),
            gone,
            Respond.Watch(new WatchScript().Bookmark("Pod", "201").HoldOpen()));
        Server.MapList(PodsPath, Respond.List("PodList", "200", null, Pod("web-0", "u0", "190"), Pod("web-2", "u2", "191")));
        using var client = CreateClient();

        // When six events are read (the last is a bookmark on the watch after the relist)
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100, ct), 6);

        // Then the relist shows as Modified, Added and Deleted, and the watch resumed from the list's resourceVersion
        events.Skip(2).Take(3).Select(e => (e.Type, e.Object!.Metadata.Name)).OrderBy(e => e.Name)
            .ShouldBe([(WatchEventType.Modified, "web-0"), (WatchEventType.Deleted, "web-1"), (WatchEventType.Added, "web-2")]);
        Server.RequestsTo(PodsPath).Where(r => r.Query("watch") == "true").Select(r => r.Query("resourceVersion")).ShouldBe(["100", "102", "200"]);
    }

    [Test]
    public async Task Watch_ErrorEventOtherThanGone_SurfacesAsException()
    {
        // Given an ERROR event carrying a 500 Status (negative control for the 410 relist)
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().Error(500, "InternalError", "etcd is sad")));
        using var client = CreateClient();

        // When the watch is read
        var error = await Should.ThrowAsync<KubeApiException>(() => Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, From100, ct), 1));

        // Then the exception carries the Status
        (error.Verb, (int)error.StatusCode, error.Reason).ShouldBe(("WATCH", 500, "InternalError"));
        error.Message.ShouldContain("etcd is sad");
        Server.RequestsTo(PodsPath).Count.ShouldBe(1);
    }

    [Test]
    public async Task Watch_WithoutResourceVersion_ListsFirstThenWatchesFromTheListVersion()
    {
        // Given a list with one pod and a watch with one more
        Server.MapList(PodsPath, Respond.List("PodList", "300", null, Pod("web-0", "u0", "299")));
        Server.MapWatch(PodsPath, Respond.Watch(new WatchScript().Line(WatchLine("ADDED", Pod("web-1", "u1", "301"))).HoldOpen()));
        using var client = CreateClient();

        // When two events are read
        var events = await Streams.TakeAsync(ct => client.WatchAsync<V1Pod>(Ns, new WatchOptions(), ct), 2);

        // Then the listed pod comes first as Added and the watch started at the list's resourceVersion
        events.Select(e => (e.Type, e.Object!.Metadata.Name)).ShouldBe([(WatchEventType.Added, "web-0"), (WatchEventType.Added, "web-1")]);
        Server.RequestsTo(PodsPath).Last().Query("resourceVersion").ShouldBe("300");
    }
}
