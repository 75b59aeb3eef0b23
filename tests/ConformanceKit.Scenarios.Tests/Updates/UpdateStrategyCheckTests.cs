using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>The partition, OnDelete and rollback checks, each on a timeline where the promise holds and on its controls.</summary>
public sealed class UpdateStrategyCheckTests
{
    private static readonly Lazy<Timeline.Timeline> Partitioned = new(() => Recorded.Timeline("partitioned-update"));

    [Test]
    public void Recording_PartitionTwo_MovesOnlyWeb2AndKeepsTheOthersAtTheCurrentRevision()
    {
        // Given the recorded update with partition 2, up to the moment the partition was lowered
        var t = Partitioned.Value;

        // When
        var result = PartitionedUpdate.Check(t, "web", 3, 2, t.StepTime("applied template change"), t.StepTime("lowered partition"));

        // Then
        result.ShouldPass().Message.ShouldBe("with partition 2, only web-2 moved to web-84d84cd6db (in the order web-2); web-0..web-1 stayed at web-74cf54d79");
        TestContext.Out.WriteLine(result);
    }

    [Test]
    public void HandBuilt_PartitionHeld_Passes()
    {
        // Given partition 2: only web-2 replaced, the set still reports v1 current and v2 as update revision
        var timeline = Roll([2], partition: 2, converged: false);

        // When / Then
        PartitionedUpdate.Check(timeline, "web", 3, 2, Hand.At(ChangedAt), Hand.At(30)).ShouldPass();
    }

    [Test]
    public void HandBuilt_PartitionIgnored_FailsNamingTheLowerPodThatMoved()
    {
        // Given a controller that rolled every pod although the partition was 2
        var timeline = Roll([2, 1, 0], partition: 2);

        // When / Then
        PartitionedUpdate.Check(timeline, "web", 3, 2, Hand.At(ChangedAt), Hand.At(30))
            .ShouldFail("web-0 (old-0) at web-v1 was deleted at 10:00:16Z (server) although partition 2 keeps ordinals below 2 at the current revision");
    }

    [Test]
    public void HandBuilt_PartitionNeverSeenByTheController_FailsNamingThePartition()
    {
        // Given statuses all computed from a spec with partition 0
        var timeline = Roll([2], partition: 0, converged: false);

        // When / Then
        PartitionedUpdate.Check(timeline, "web", 3, 2, Hand.At(ChangedAt), Hand.At(30))
            .ShouldFail("no status of StatefulSet web computed from a spec with partition 2 was observed");
    }

    [Test]
    public void HandBuilt_OnDeleteNothingMovesUntilTheTestDeletes_Passes()
    {
        // Given / When
        var result = OnDeleteUpdate.Check(OnDelete(), "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(DeletedAt));

        // Then
        result.ShouldPass().Message.ShouldContain("the deleted web-1 came back at web-v2 and the others stayed at web-v1");
    }

    [Test]
    public void HandBuilt_RollingBehaviourUnderOnDelete_FailsBecausePodsMovedByThemselves()
    {
        // Given the pods rolled by themselves after the change (the RollingUpdate behaviour), the test deleting web-1 later
        var timeline = Roll([2, 1, 0]);

        // When / Then
        OnDeleteUpdate.Check(timeline, "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(25))
            .ShouldFail("web-2 (old-2) was deleted at 10:00:10Z (server), after the template change and before the test deleted any pod: OnDelete replaces no pod by itself");
    }

    [Test]
    public void HandBuilt_OnDeleteReplacementAtTheOldRevision_Fails()
    {
        // Given / When / Then
        OnDeleteUpdate.Check(OnDelete(backAt: V1), "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(DeletedAt))
            .ShouldFail("web-1 (new-1) came back at revision web-v1, not the update revision web-v2");
    }

    [Test]
    public void HandBuilt_OnDeleteWithoutASyncOfTheChange_FailsRatherThanProvingNothing()
    {
        // Given the controller never reported the template change's generation
        // When / Then
        OnDeleteUpdate.Check(OnDelete(observed: 1), "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(DeletedAt))
            .ShouldFail("the controller never reported observedGeneration ≥ 2 for web");
    }

    [Test]
    public void HandBuilt_OnDeleteSyncSeenOnlyAfterTheDeletion_Fails()
    {
        // Given the test said it deleted a pod at 9.7, before the sync of the change was seen (at 10.0 observed)
        // When / Then nothing was proven past a sync
        OnDeleteUpdate.Check(OnDelete(), "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(9.7))
            .ShouldFail("the first status of generation 2 was seen at 10:00:10Z (observed), not before the test deleted a pod at 10:00:09.700");
    }

    [Test]
    public void HandBuilt_RollbackReusingTheOriginalRevision_Passes()
    {
        // Given / When
        var result = Rollback.Check(Reverted([2, 1, 0]), "web", 3, Hand.At(ChangedAt), Hand.At(RolledBackAt));

        // Then
        result.ShouldPass().Message.ShouldContain("reverting reused ControllerRevision web-v1 (hash v1, same UID), its number bumped 1 -> 3 above web-v2's 2");
    }

    [Test]
    public void HandBuilt_RollForwardToANewTemplate_FailsTheRollbackCheck()
    {
        // Given the "rollback" went to a third template, with its own new ControllerRevision
        // When / Then
        Rollback.Check(Reverted([2, 1, 0], back: "web-v3"), "web", 3, Hand.At(ChangedAt), Hand.At(RolledBackAt))
            .ShouldFail("after the rollback web's update revision is web-v3, not the original web-v1: the earlier ControllerRevision was not reused");
    }

    [Test]
    public void HandBuilt_RollbackWithoutANumberBump_Fails()
    {
        // Given / When / Then
        Rollback.Check(Reverted([2, 1, 0], bump: false), "web", 3, Hand.At(ChangedAt), Hand.At(RolledBackAt))
            .ShouldFail("ControllerRevision web-v1 has revision number 1, not above web-v2's 2: the reused revision was not bumped");
    }

    [Test]
    public void HandBuilt_RollbackRecreatingTheRevision_Fails()
    {
        // Given web-v1 deleted and created again under a new UID
        var timeline = Reverted([2, 1, 0]);
        timeline = timeline with { ControllerRevisions = [.. timeline.ControllerRevisions, Revision(V1, "cr-1-again", [3])] };

        // When / Then
        Rollback.Check(timeline, "web", 3, Hand.At(ChangedAt), Hand.At(RolledBackAt)).ShouldFail("ControllerRevision web-v1 was re-created rather than reused (UIDs cr-1, cr-1-again)");
    }

    [Test]
    public void HandBuilt_RollbackInForwardOrder_Fails()
    {
        // Given / When / Then
        Rollback.Check(Reverted([0, 1, 2]), "web", 3, Hand.At(ChangedAt), Hand.At(RolledBackAt))
            .ShouldFail("the rollback did not roll as a rolling update: web-0 (new-0) was deleted at 10:00:20Z (server), before web-1 (new-1)");
    }
}
