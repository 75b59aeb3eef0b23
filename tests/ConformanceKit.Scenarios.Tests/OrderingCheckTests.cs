using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class OrderingCheckTests
{
    [Test]
    public void OrderedCreation_EachPodAfterPreviousReady_Passes()
    {
        // Given web-0..2 each created once the previous one was Ready
        var timeline = Hand.OrderedLifecycle();

        // When / Then
        OrderedCreation.Check(timeline, "web").ShouldPass().Message.ShouldContain("web-0..web-2");
    }

    [Test]
    public void OrderedCreation_ParallelPolicy_FailsNamingFirstViolation()
    {
        // Given the Parallel policy: all pods created at once
        var timeline = Hand.ParallelLifecycle();

        // When / Then the first violation names web-1 and web-0 with both times
        OrderedCreation.Check(timeline, "web")
            .ShouldFail("web-1 (uid-p1) was created at 10:00:00Z (server), before web-0 (uid-p0) became Ready at 10:00:03Z (server)");
    }

    [Test]
    public void OrderedCreation_PodCreatedSameSecondButObservedBeforeReady_FailsOnObservationOrder()
    {
        // Given web-1 created in the same server second web-0 became Ready, but observed before that Ready
        var web0 = Hand.Pod("web-0", "u0", 0, ready: 2) with { Ready = new Instant(Hand.At(2), Hand.At(2.5), 20) };
        var web1 = Hand.Pod("web-1", "u1", 2) with { Created = new Instant(Hand.At(2), Hand.At(2.1), 19) };

        // When / Then
        OrderedCreation.Check(new Timeline.Timeline { Pods = [web0, web1] }, "web").ShouldFail("web-1 (u1) was created at");
    }

    [Test]
    public void OrderedCreation_KubeletClockAheadOfTheApiServer_JudgesByStreamOrder()
    {
        // Given web-0's kubelet stamps Ready one second ahead of the API server's clock: its Ready (seq 20) says
        // 10:00:03, web-1's creationTimestamp (seq 21, delivered after the Ready) says 10:00:02
        var web0 = Hand.Pod("web-0", "u0", 0, ready: 3) with { Ready = new Instant(Hand.At(3), Hand.At(2.3), 20) };
        var web1 = Hand.Pod("web-1", "u1", 2) with { Created = new Instant(Hand.At(2), Hand.At(2.4), 21) };

        // When / Then the stream order (Ready first) decides: no violation
        OrderedCreation.Check(new Timeline.Timeline { Pods = [web0, web1] }, "web").ShouldPass();
    }

    [Test]
    public void OrderedCreation_StreamDeliversCreationBeforeReady_FailsWhateverTheStampsSay()
    {
        // Given the stamps look ordered (Ready 10:00:02, created 10:00:03) but the stream delivered web-1's creation
        // (seq 20) before web-0's Ready (seq 21): the negative control of the stream-order rule
        var web0 = Hand.Pod("web-0", "u0", 0, ready: 2) with { Ready = new Instant(Hand.At(2), Hand.At(3.5), 21) };
        var web1 = Hand.Pod("web-1", "u1", 3) with { Created = new Instant(Hand.At(3), Hand.At(3.4), 20) };

        // When / Then
        OrderedCreation.Check(new Timeline.Timeline { Pods = [web0, web1] }, "web").ShouldFail("web-1 (u1) was created at", "before web-0 (u0) became Ready");
    }

    [Test]
    public void OrderedCreationHeld_OnlyHeldPodAndLowerExist_Passes()
    {
        // Given web-1 held un-Ready until t=10 and web-2 created only after web-1 became Ready at t=10.5
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-0", "u0", 0, ready: 2), Hand.Pod("web-1", "u1", 2, ready: 10.5), Hand.Pod("web-2", "u2", 10.5)] };

        // When / Then
        OrderedCreation.CheckHeld(timeline, "web", 1, Hand.At(10)).ShouldPass();
    }

    [Test]
    public void OrderedCreationHeld_HigherPodCreatedWhileHeld_Fails()
    {
        // Given web-2 appears while web-1 is still held un-Ready (the Parallel behaviour)
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-0", "u0", 0, ready: 2), Hand.Pod("web-1", "u1", 0, ready: 10.5), Hand.Pod("web-2", "u2", 0)] };

        // When / Then
        OrderedCreation.CheckHeld(timeline, "web", 1, Hand.At(10)).ShouldFail("web-2 (u2) was created at", "while web-1 (u1) was held un-Ready");
    }

    [Test]
    public void OrderedScaleDown_HighestFirstEachAfterGone_Passes()
    {
        // Given 3 -> 0 removing web-2, then web-1, then web-0, each after the higher one was gone
        var timeline = Hand.OrderedLifecycle();

        // When / Then
        OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19.5)).ShouldPass();
    }

    [Test]
    public void OrderedScaleDown_ParallelPolicy_FailsNamingFirstViolation()
    {
        // Given the Parallel policy: all deletions requested at once
        var timeline = Hand.ParallelLifecycle();

        // When / Then
        OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19))
            .ShouldFail("web-1 (uid-p1) deletion was requested at 10:00:20Z (server), before web-2 (uid-p2) was gone at 10:00:21.700Z (observed)");
    }

    [Test]
    public void OrderedScaleDown_PodNeverDeleted_Fails()
    {
        // Given web-0 was never deleted in a scale to 0
        var timeline = Hand.OrderedLifecycle();
        timeline = timeline with { Pods = [timeline.Pods[0] with { TerminationRequested = null, Gone = null }, timeline.Pods[1], timeline.Pods[2]] };

        // When / Then
        OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19.5)).ShouldFail("web-0 was never deleted");
    }
}
