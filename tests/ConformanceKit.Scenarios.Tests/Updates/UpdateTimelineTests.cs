using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Updates;

public sealed class UpdateTimelineTests
{
    private const string V1 = "web-74cf54d79", V2 = "web-84d84cd6db";

    [Test]
    public void Recording_RollingUpdate_ReadsEachPodsRevisionFromItsLabel()
    {
        // Given the recorded rolling update (REVISION v1 -> v2)
        // When
        var pods = Recorded.Timeline("rolling-update").PodsOf("web");

        // Then the three first pods carry v1's revision and their three replacements v2's, in creation order
        pods.Select(p => (p.Name, p.Revision)).ShouldBe(
            [("web-0", V1), ("web-1", V1), ("web-2", V1), ("web-2", V2), ("web-1", V2), ("web-0", V2)]);
    }

    [Test]
    public void Recording_RollingUpdate_KeepsEveryStatusOfTheSet()
    {
        // Given / When
        var set = Recorded.Timeline("rolling-update").StatefulSet("web").ShouldNotBeNull();

        // Then every version the watch delivered is kept, the template change is generation 2, its first synced status
        // names both revisions, and the last one (the DELETED event) says the roll completed
        set.Observations.Count.ShouldBe(17);
        set.Observations.Select(o => o.Generation).Distinct().ShouldBe([1L, 2L]);
        var firstSynced = set.Observations.First(o => o.Generation == 2 && o.Synced);
        (firstSynced.CurrentRevision, firstSynced.UpdateRevision, firstSynced.StrategyType, firstSynced.Partition).ShouldBe((V1, V2, "RollingUpdate", 0));
        set.Last!.Converged.ShouldBeTrue();
        set.Last.UpdateRevision.ShouldBe(V2);
        set.Last.MaxUnavailable.ShouldBeNull("this v1.26 server has the MaxUnavailableStatefulSet gate off");
        set.Gone.ShouldNotBeNull();
    }

    [Test]
    public void Recording_RollingUpdate_ReadsBothControllerRevisions()
    {
        // Given / When
        var revisions = Recorded.Timeline("rolling-update").RevisionsOf("web");

        // Then
        revisions.Select(r => (r.Name, r.Hash, r.Number, r.Owner)).ShouldBe([(V1, "74cf54d79", 1L, "web"), (V2, "84d84cd6db", 2L, "web")]);
        revisions.ShouldAllBe(r => r.Created.Server != null && r.Gone != null);
    }

    [Test]
    public void Recording_PartitionedUpdate_RecordsThePartitionPerObservation()
    {
        // Given / When
        var timeline = Recorded.Timeline("partitioned-update");
        var set = timeline.StatefulSet("web").ShouldNotBeNull();

        // Then the partition went 2 -> 0 with generation 3, while partition 2 held only one pod was updated
        set.Observations.Select(o => (o.Generation, o.Partition)).Distinct().ShouldBe([(1L, 2), (2L, 2), (3L, 0)]);
        var held = set.Observations.Last(o => o.Partition == 2 && o.Synced);
        (held.CurrentRevision, held.UpdateRevision, held.UpdatedReplicas).ShouldBe((V1, V2, 1));
        timeline.PodsOf("web").Select(p => (p.Name, p.Revision)).ShouldBe(
            [("web-0", V1), ("web-1", V1), ("web-2", V1), ("web-2", V2), ("web-1", V2), ("web-0", V2)]);
    }

    [Test]
    public void Recording_StreamsWithoutTimestamps_AreStampedInTheServersStorageOrder()
    {
        // Given the rolling update's pods and the set's status stamped along them
        var timeline = Recorded.Timeline("rolling-update");
        var set = timeline.StatefulSet("web")!;
        var newWeb2 = timeline.PodsOf("web").Single(p => p.Name == "web-2" && p.Revision == V2);

        // When / Then the status that first counts one updated pod (stored right after the new web-2) is stamped
        // after web-2's creation and before it became Ready
        var counted = set.Observations.First(o => o.Generation == 2 && o.UpdatedReplicas == 1);
        counted.At.Observed.ShouldBeGreaterThan(newWeb2.Created.Observed);
        counted.At.Observed.ShouldBeLessThan(newWeb2.Ready!.Observed);
    }

    [Test]
    public void Observe_ReusedRevision_KeepsOneHistoryWithItsNumberBumped()
    {
        // Given revision web-a at 1, web-b at 2, then web-a reused (number 3) by a rollback
        var builder = new TimelineBuilder();
        V1ControllerRevision Revision(string hash, long number) => new()
        {
            Metadata = new()
            {
                Name = $"web-{hash}", Uid = $"uid-{hash}", CreationTimestamp = Hand.Time(0),
                Labels = new Dictionary<string, string> { ["controller.kubernetes.io/hash"] = hash },
                OwnerReferences = [new() { Kind = "StatefulSet", Name = "web", Controller = true }],
            },
            Revision = number,
        };
        builder.Observe(new WatchEvent<V1ControllerRevision>(WatchEventType.Added, Revision("a", 1), "1", Hand.At(1)));
        builder.Observe(new WatchEvent<V1ControllerRevision>(WatchEventType.Added, Revision("b", 2), "2", Hand.At(2)));
        builder.Observe(new WatchEvent<V1ControllerRevision>(WatchEventType.Modified, Revision("a", 3), "3", Hand.At(3)));

        // When
        var revisions = builder.Build().RevisionsOf("web");

        // Then
        revisions.Select(r => (r.Name, r.Hash, Numbers: string.Join(",", r.Numbers.Select(n => n.Number)))).ShouldBe([("web-a", "a", "1,3"), ("web-b", "b", "2")]);
    }

    [Test]
    public void Observe_StatefulSetWithStrategy_RecordsGenerationPartitionAndMaxUnavailable()
    {
        // Given a set whose stored strategy has a partition and a maxUnavailable
        var json = """
            {"metadata":{"name":"web","uid":"s1","generation":3},
             "spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1,"maxUnavailable":"50%"}}},
             "status":{"observedGeneration":2,"currentRevision":"web-a","updateRevision":"web-b","updatedReplicas":1}}
            """;
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1StatefulSet>(WatchEventType.Added, KubernetesJson.Deserialize<V1StatefulSet>(json), "1", Hand.At(1)));

        // When
        var observation = builder.Build().StatefulSet("web")!.Last!;

        // Then
        (observation.Generation, observation.ObservedGeneration, observation.Partition, observation.MaxUnavailable).ShouldBe((3L, 2L, 1, "50%"));
        observation.Synced.ShouldBeFalse();
        observation.Converged.ShouldBeFalse();
    }

    [TestCase("2", 2, null)]
    [TestCase("\"50%\"", null, "50%")]
    public void MaxUnavailable_NumberOrString_RoundTripsAsTheApiWroteIt(string json, int? number, string? text)
    {
        // Given a stored strategy whose maxUnavailable is a number or a percentage
        var strategy = KubernetesJson.Deserialize<V1StatefulSetUpdateStrategy>(
            $$$"""{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":{{{json}}}}}""");

        // When it is written back
        var written = KubernetesJson.Serialize(strategy);

        // Then it keeps its JSON type
        strategy.RollingUpdate!.MaxUnavailable!.Value.ShouldBe(number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? text);
        written.ShouldContain($"\"maxUnavailable\":{json}");
    }
}
