using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>The rolling check judges "after Ready" by the pod stream's order, not by the kubelet's stamps.</summary>
public sealed class UpdateOrderControlTests
{
    [Test]
    public void KubeletClockAhead_DeletionDeliveredAfterTheReady_Passes()
    {
        // Given the new web-2's kubelet stamps Ready 10:00:14 (its clock runs ahead) but the stream delivered that Ready
        // (seq 12000) before web-1's deletion (seq 13000, stamped 10:00:13 by the API server)
        var timeline = WithNewWeb2Ready(new Instant(Hand.At(14), Hand.At(12.2), 12_000));

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldPass();
    }

    [Test]
    public void StreamDeliversTheDeletionBeforeTheReady_FailsWhateverTheStampsSay()
    {
        // Given the stamps look ordered (Ready 10:00:12, deletion 10:00:13) but the stream delivered web-1's deletion
        // (seq 13000) before the new web-2's Ready (seq 13500)
        var timeline = WithNewWeb2Ready(new Instant(Hand.At(12), Hand.At(13.4), 13_500));

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt))
            .ShouldFail("web-1 (old-1) was deleted at 10:00:13Z (server) while web-2 was not Running and Ready at the update revision web-v2 (web-2 (new-2) at web-v2 was not Ready)");
    }

    [Test]
    public void PodAboveReadyThenUnReadyAgain_BeforeTheDeletion_Fails()
    {
        // Given the new web-2 became Ready at 12 and un-Ready again at 12.5, before web-1 was deleted at 13
        var timeline = Roll([2, 1, 0]);
        timeline = timeline with
        {
            Pods = [.. timeline.Pods.Select(p => p.Uid == "new-2"
                ? p with { ReadyTransitions = [.. p.ReadyTransitions, new ReadyTransition(false, Hand.Server(12.5))] }
                : p)],
        };

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("web-1 (old-1) was deleted at 10:00:13Z (server) while web-2 was not Running and Ready");
    }

    [Test]
    public void PodAlreadyAtTheUpdateRevisionIsReplacedAgain_Fails()
    {
        // Given web-2 already at v2 before the change, deleted anyway
        var timeline = Roll([2, 1, 0]);
        timeline = timeline with { Pods = [.. timeline.Pods.Select(p => p.Uid == "old-2" ? p with { Revision = V2 } : p)] };

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("web-2 (old-2) already carried the update revision web-v2 but was deleted at 10:00:10Z (server)");
    }

    private static Timeline.Timeline WithNewWeb2Ready(Instant ready)
    {
        var timeline = Roll([2, 1, 0]);
        return timeline with
        {
            Pods = [.. timeline.Pods.Select(p => p.Uid == "new-2"
                ? p with { Ready = ready, ReadyTransitions = [p.ReadyTransitions[0], new ReadyTransition(true, ready)] }
                : p)],
        };
    }
}
