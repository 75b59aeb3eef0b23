using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

/// <summary>Negative controls for the ordering checks' less common violations (each found by a surviving mutant).</summary>
public sealed class OrderingControlTests
{
    [Test]
    public void OrderedCreation_PreviousPodNeverReady_FailsNamingIt()
    {
        // Given web-1 created while web-0 has not become Ready (and never does)
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-0", "u0", 0), Hand.Pod("web-1", "u1", 2)] };

        // When / Then
        OrderedCreation.Check(timeline, "web").ShouldFail("web-1 (u1) was created at 10:00:02Z (server) while web-0 (u0) never became Ready");
    }

    [Test]
    public void OrderedCreation_OrdinalSkipped_FailsNamingTheMissingPredecessor()
    {
        // Given web-2 created after web-0 was Ready, but web-1 was never created
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-0", "u0", 0, ready: 2), Hand.Pod("web-2", "u2", 3, ready: 5)] };

        // When / Then
        OrderedCreation.Check(timeline, "web").ShouldFail("web-2 (u2) was created at 10:00:03Z (server) but web-1 was not created before it");
    }

    [Test]
    public void OrderedCreation_NoPodInTheWindow_FailsInsteadOfPassingVacuously()
    {
        // Given a window that ends before any pod was created
        var timeline = Hand.OrderedLifecycle();

        // When / Then an empty window is a failure, not a pass
        OrderedCreation.Check(timeline, "web", Hand.At(-10), Hand.At(-5)).ShouldFail("no pods of set web were created in the window");
    }

    [Test]
    public void OrderedCreationHeld_PodOfAnEarlierRunStillPresent_FailsOnThePodCount()
    {
        // Given web-1 held un-Ready until t=10, and a web-2 that already existed before web-1 was created (never gone)
        var timeline = new Timeline.Timeline
        {
            Pods = [Hand.Pod("web-2", "u2", -5, ready: -3), Hand.Pod("web-0", "u0", 0, ready: 2), Hand.Pod("web-1", "u1", 2, ready: 10.5)],
        };

        // When / Then three pods existed while only web-0 and web-1 may
        OrderedCreation.CheckHeld(timeline, "web", 1, Hand.At(10))
            .ShouldFail("3 pods of web existed at 10:00:10.000 while web-1 was held un-Ready, expected 2");
    }

    [Test]
    public void OrderedCreationHeld_HeldPodReadyBeforeRelease_Fails()
    {
        // Given web-1 became Ready at t=6 although the file that makes it Ready was released only at t=10
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-0", "u0", 0, ready: 2), Hand.Pod("web-1", "u1", 2, ready: 6)] };

        // When / Then
        OrderedCreation.CheckHeld(timeline, "web", 1, Hand.At(10)).ShouldFail("web-1 (u1) became Ready at 10:00:06Z (server), before it was released at 10:00:10.000");
    }

    [Test]
    public void OrderedScaleDown_LowerPodDeletedBeforeHigherGone_FailsSayingHigherNeverGone()
    {
        // Given web-2's deletion was requested but it never went away, and web-1's deletion followed anyway
        var pods = Hand.OrderedLifecycle().Pods;
        var timeline = new Timeline.Timeline { Pods = [pods[0], pods[1], pods[2] with { Gone = null }] };

        // When / Then
        OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19.5))
            .ShouldFail("web-1 (uid-a1) deletion was requested at 10:00:23Z (server) while web-2 (uid-a2) was never gone");
    }

    [Test]
    public void OrderedScaleDown_PodTheScaleKeepsIsDeleted_Fails()
    {
        // Given a scale from 3 to 1 during which web-0 (which stays) was deleted too
        var timeline = Hand.OrderedLifecycle();

        // When / Then
        OrderedScaleDown.Check(timeline, "web", 3, 1, Hand.At(19.5))
            .ShouldFail("web-0 (uid-a0) was deleted at 10:00:26Z (server) although a scale from 3 to 1 keeps it");
    }

    [Test]
    public void OrderedScaleDown_WindowEnd_LeavesLaterDeletionsOut()
    {
        // Given the lifecycle's deletions at t=20 (web-2), 23 (web-1) and 26 (web-0), and a window ending at t=24
        var timeline = Hand.OrderedLifecycle();

        // When
        var toOne = OrderedScaleDown.Check(timeline, "web", 3, 1, Hand.At(19.5), Hand.At(24));
        var toZero = OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19.5), Hand.At(24));

        // Then the scale to 1 holds in that window, and web-0's later deletion does not count for a scale to 0
        toOne.ShouldPass().Message.ShouldContain("web-1..web-2 were removed highest ordinal first");
        toZero.ShouldFail("web-0 was never deleted during the scale from 3 to 0");
    }
}
