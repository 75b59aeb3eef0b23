using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class ReplacementCheckTests
{
    private static Timeline.Timeline Replaced(params Timeline.PodHistory[] fresh)
    {
        var old = new[]
        {
            Hand.Pod("web-0", "old-0", 0, ready: 2, deleted: 10, gone: 11, ip: "10.0.0.1"),
            Hand.Pod("web-1", "old-1", 2, ready: 5, deleted: 10, gone: 13, ip: "10.0.0.2"),
            Hand.Pod("web-2", "old-2", 5, ready: 8, deleted: 10, gone: 13.5, ip: "10.0.0.3"),
        };
        return new Timeline.Timeline { Pods = [.. old, .. fresh] };
    }

    [Test]
    public void Replacement_NewUidsInOrderWhileOldStillTerminating_PassesAndReportsIps()
    {
        // Given new web-0 created as old web-0 is gone, while old web-1/web-2 still terminate
        var timeline = Replaced(
            Hand.Pod("web-0", "new-0", 11.5, ready: 14, ip: "10.0.0.7"),
            Hand.Pod("web-1", "new-1", 14, ready: 16, ip: "10.0.0.8"),
            Hand.Pod("web-2", "new-2", 16, ready: 18, ip: "10.0.0.9"));

        // When
        var result = Replacement.Check(timeline, "web", 3, Hand.At(9.9));

        // Then
        result.ShouldPass().Message.ShouldContain("web-0: uid old-0 -> new-0, IP 10.0.0.1 -> 10.0.0.7");
        result.Details.ShouldContain(d => d.Contains("new web-0 appeared while old web-1 (old-1), web-2 (old-2) were still terminating", StringComparison.Ordinal));
    }

    [Test]
    public void Replacement_AllRecreatedAtOnce_FailsOnOrder()
    {
        // Given the replacements all appear together (Parallel)
        var timeline = Replaced(
            Hand.Pod("web-0", "new-0", 14, ready: 16),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 14, ready: 16));

        // When / Then
        Replacement.Check(timeline, "web", 3, Hand.At(9.9))
            .ShouldFail("replacements were not created in order: web-1 (new-1) was created at 10:00:14Z (server), before web-0 (new-0) became Ready at 10:00:16Z (server)");
    }

    [Test]
    public void Replacement_NewPodBeforeOldGone_Fails()
    {
        // Given a new web-0 created while the old web-0 still existed
        var timeline = Replaced(
            Hand.Pod("web-0", "new-0", 10.5, ready: 14),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 16, ready: 18));

        // When / Then
        Replacement.Check(timeline, "web", 3, Hand.At(9.9))
            .ShouldFail("web-0 (new-0) was created at 10:00:10.500Z (server), before the old web-0 (old-0) was gone at 10:00:11.200Z (observed)");
    }

    [Test]
    public void Replacement_PodNotReplaced_Fails()
    {
        // Given web-2 never came back
        var timeline = Replaced(Hand.Pod("web-0", "new-0", 11.5, ready: 14), Hand.Pod("web-1", "new-1", 14, ready: 16));

        // When / Then
        Replacement.Check(timeline, "web", 3, Hand.At(9.9)).ShouldFail("web-2 (old-2) was not replaced");
    }

    [Test]
    public void Replacement_OldPodNeverGone_FailsNamingIt()
    {
        // Given old web-2 never went away, yet a second web-2 was created after the deletion
        var timeline = Replaced(
            Hand.Pod("web-0", "new-0", 11.5, ready: 14),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 16, ready: 18));
        timeline = timeline with { Pods = [.. timeline.Pods.Select(p => p.Uid == "old-2" ? p with { Gone = null } : p)] };

        // When / Then
        Replacement.Check(timeline, "web", 3, Hand.At(9.9))
            .ShouldFail("web-2 (new-2) was created at 10:00:16Z (server) while web-2 (old-2) was never gone");
    }

    [Test]
    public void Replacement_SameUidAfterTheDeletion_Fails()
    {
        // Given a "replacement" web-0 that carries the old UID (the pod was not really re-created)
        var timeline = Replaced(
            Hand.Pod("web-0", "old-0", 11.5, ready: 14),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 16, ready: 18));

        // When / Then
        Replacement.Check(timeline, "web", 3, Hand.At(9.9)).ShouldFail("web-0 (old-0) kept its UID after the deletion at 10:00:09.900");
    }

    [Test]
    public void Replacement_ParallelSetRecreatedAllAtOnce_PassesOnNamesAndUids_SayingTheOrderIsNotJudged()
    {
        // Given the replacements all appear together, as a Parallel set makes them
        var timeline = Replaced(
            Hand.Pod("web-0", "new-0", 14, ready: 16),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 14, ready: 16));

        // When it is judged under the set's policy, and under OrderedReady (the control)
        var parallel = Replacement.Check(timeline, "web", 3, Hand.At(9.9), podManagementPolicy: "Parallel");
        var ordered = Replacement.Check(timeline, "web", 3, Hand.At(9.9), podManagementPolicy: "OrderedReady");

        // Then the Parallel set keeps its names with new UIDs, the order left to the ordering promises; OrderedReady fails on it
        parallel.ShouldPass().Message.ShouldContain("the order is not judged: podManagementPolicy Parallel");
        ordered.ShouldFail("replacements were not created in order");
    }

    [Test]
    public void Replacement_ParallelSetWithAPodNotReplaced_StillFails()
    {
        // Given a Parallel set whose web-2 never came back, and one whose web-0 kept its UID
        var missing = Replaced(Hand.Pod("web-0", "new-0", 14, ready: 16), Hand.Pod("web-1", "new-1", 14, ready: 16));
        var sameUid = Replaced(
            Hand.Pod("web-0", "old-0", 14, ready: 16),
            Hand.Pod("web-1", "new-1", 14, ready: 16),
            Hand.Pod("web-2", "new-2", 14, ready: 16));

        // When / Then the names and UIDs are still judged
        Replacement.Check(missing, "web", 3, Hand.At(9.9), podManagementPolicy: "Parallel").ShouldFail("web-2 (old-2) was not replaced");
        Replacement.Check(sameUid, "web", 3, Hand.At(9.9), podManagementPolicy: "Parallel").ShouldFail("web-0 (old-0) kept its UID");
    }

    [Test]
    public void Replacement_UnknownPolicy_IsRefusedNamingIt()
    {
        // Given / When / Then a policy the API does not know cannot be judged
        Should.Throw<ArgumentException>(() => Replacement.Check(Replaced(), "web", 3, Hand.At(9.9), podManagementPolicy: "Random"))
            .Message.ShouldContain("podManagementPolicy Random of web is not one the API knows");
    }
}
