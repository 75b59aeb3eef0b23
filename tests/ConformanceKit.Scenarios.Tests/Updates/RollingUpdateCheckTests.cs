using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

public sealed class RollingUpdateCheckTests
{
    private static readonly Lazy<Timeline.Timeline> Rolling = new(() => Recorded.Timeline("rolling-update"));
    private static readonly Lazy<Timeline.Timeline> Partitioned = new(() => Recorded.Timeline("partitioned-update"));

    [Test]
    public void Recording_RollingUpdate_ReplacesHighestOrdinalFirstAndEndsConverged()
    {
        // Given the recorded rolling update from REVISION v1 to v2
        var t = Rolling.Value;

        // When
        var result = RollingUpdateOrder.Check(t, "web", 3, t.StepTime("applied template change"), t.StepTime("rollout to v2 complete"));

        // Then
        result.ShouldPass().Message.ShouldContain("rolled from web-74cf54d79 to web-84d84cd6db highest ordinal first (web-2, web-1, web-0)");
        TestContext.Out.WriteLine(result);
    }

    [Test]
    public void Recording_PartitionHeld_FailsTheCheckThatExpectsEveryPodUpdated()
    {
        // Given the recorded partitioned update, up to the moment the partition was lowered (web-0 and web-1 still v1)
        var t = Partitioned.Value;

        // When the plain rolling check, which expects every pod at the update revision, judges that window
        var result = RollingUpdateOrder.Check(t, "web", 3, t.StepTime("applied template change"), t.StepTime("lowered partition"));

        // Then it fails: web-1 was never replaced while the partition held
        result.ShouldFail("web-1 (7e6ee546) at revision web-74cf54d79 was never replaced by a pod at the update revision web-84d84cd6db");
    }

    [Test]
    public void Recording_PartitionLowered_RollsTheRestHighestFirst()
    {
        // Given the recorded partitioned update after the partition went from 2 to 0 (web-2 already at v2)
        var t = Partitioned.Value;

        // When
        var result = RollingUpdateOrder.Check(t, "web", 3, t.StepTime("lowered partition"), t.StepTime("rollout to v2 complete"));

        // Then web-1 then web-0 moved, web-2 was left alone
        result.ShouldPass().Message.ShouldContain("highest ordinal first (web-1, web-0)");
        result.Details.ShouldContain(d => d.StartsWith("web-2 (c039db9d) already carried web-84d84cd6db and was left alone", StringComparison.Ordinal));
    }

    [Test]
    public void HandBuilt_ReverseOrderEachAfterReady_Passes()
    {
        // Given / When / Then
        RollingUpdateOrder.Check(Roll([2, 1, 0]), "web", 3, Hand.At(ChangedAt)).ShouldPass();
    }

    [Test]
    public void HandBuilt_ForwardOrder_FailsTheReverseOrderCheck()
    {
        // Given pods replaced 0, 1, 2 (what OnDelete with deletions in that order does), each after the previous was Ready
        var timeline = Roll([0, 1, 2]);

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt))
            .ShouldFail("web-0 (old-0) was deleted at 10:00:10Z (server), before web-1 (old-1) at 10:00:13Z (server): the update did not go from the highest ordinal down");
    }

    [Test]
    public void HandBuilt_AllAtOnce_FailsBecauseThePodAboveWasNotReady()
    {
        // Given every old pod deleted at the same moment
        var timeline = Roll([2, 1, 0], spacing: 0);

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt))
            .ShouldFail("web-1 (old-1) was deleted at 10:00:10Z (server) while web-2 was not Running and Ready at the update revision web-v2");
    }

    [Test]
    public void HandBuilt_ReplacementAtTheOldRevision_Fails()
    {
        // Given the new web-2 came back at v1
        var timeline = Roll([2, 1, 0]);
        timeline = timeline with { Pods = [.. timeline.Pods.Select(p => p.Uid == "new-2" ? p with { Revision = V1 } : p)] };

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("web-1 (old-1) was deleted at", "while web-2 was not Running and Ready at the update revision web-v2");
    }

    [Test]
    public void HandBuilt_StatusNeverConverges_Fails()
    {
        // Given every pod replaced in order, but the set still reports v1 as its current revision
        var timeline = Roll([2, 1, 0], converged: false);

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("at the end web reported currentRevision web-v1, not its updateRevision web-v2");
    }

    [Test]
    public void HandBuilt_NoPodReplaced_FailsInsteadOfPassingVacuously()
    {
        // Given a template change after which nothing happened (the status even says v2 is current)
        var timeline = Roll([], converged: true);

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("web-2 (old-2) at revision web-v1 was never replaced");
    }

    [Test]
    public void NoStatusRecorded_FailsNamingTheMissingStream()
    {
        // Given a timeline without StatefulSet observations
        var timeline = Roll([2, 1, 0]) with { StatefulSets = [] };

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldFail("no status of StatefulSet web naming an update revision was observed");
    }

    [Test]
    public void Held_LowerPodUntouchedUntilTheHeldPodIsReady_Passes()
    {
        // Given the new web-2 held un-Ready until its release at 11.8 (Ready at 12), web-1 deleted at 13
        var timeline = Roll([2, 1, 0]);

        // When / Then
        RollingUpdateOrder.CheckHeld(timeline, "web", 2, Hand.At(ChangedAt), Hand.At(11.8)).ShouldPass().Message.ShouldContain("no lower pod was touched (web-0, web-1)");
    }

    [Test]
    public void Held_LowerPodDeletedWhileTheHeldPodIsUnReady_Fails()
    {
        // Given everything deleted at once, so web-1 goes while the new web-2 (released only at 11.8) is un-Ready
        var timeline = Roll([2, 1, 0], spacing: 0);

        // When / Then
        RollingUpdateOrder.CheckHeld(timeline, "web", 2, Hand.At(ChangedAt), Hand.At(11.8))
            .ShouldFail("web-0 (old-0) was deleted at 10:00:10Z (server) while web-2 (new-2) at revision web-v2 was held un-Ready");
    }

    [Test]
    public void Held_HeldPodReadyBeforeItsRelease_Fails()
    {
        // Given the new web-2 Ready at 12 although it was released only at 12.5
        var timeline = Roll([2, 1, 0]);

        // When / Then
        RollingUpdateOrder.CheckHeld(timeline, "web", 2, Hand.At(ChangedAt), Hand.At(12.5)).ShouldFail("web-2 (new-2) became Ready at 10:00:12Z (server), before it was released");
    }
}
