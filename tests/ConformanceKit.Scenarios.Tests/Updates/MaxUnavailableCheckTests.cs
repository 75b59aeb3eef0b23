using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

public sealed class MaxUnavailableCheckTests
{
    [Test]
    public void Recording_RollingUpdate_HadOnePodUnavailableAtATime()
    {
        // Given the recorded rolling update (the default maxUnavailable of 1)
        var t = Recorded.Timeline("rolling-update");

        // When
        var result = MaxUnavailable.Check(t, "web", 3, 1, t.StepTime("applied template change"), t.StepTime("rollout to v2 complete"));

        // Then
        result.ShouldPass().Message.ShouldContain("at most 1 of 3 pods of web were unavailable at once while it rolled to web-84d84cd6db");
        TestContext.Out.WriteLine(result);
    }

    [Test]
    public void HandBuilt_TwoAtATimeWithMaxUnavailableTwo_Passes()
    {
        // Given web-2 and web-1 replaced together, then web-0
        var timeline = TwoThenOne();

        // When / Then
        MaxUnavailable.Check(timeline, "web", 3, 2, Hand.At(ChangedAt)).ShouldPass().Message.ShouldContain("at most 2 of 3 pods");
    }

    [Test]
    public void HandBuilt_TwoAtATime_FailsAMaxUnavailableOfOne()
    {
        // Given / When / Then
        MaxUnavailable.Check(TwoThenOne(), "web", 3, 1, Hand.At(ChangedAt))
            .ShouldFail("2 pods of web were unavailable at once at 10:00:10Z (server) (web-1 (old-1) terminating, web-2 (old-2) terminating), more than maxUnavailable 1");
    }

    [Test]
    public void HandBuilt_AllAtOnce_FailsAMaxUnavailableOfTwo()
    {
        // Given every pod deleted at the same moment
        var timeline = Roll([2, 1, 0], spacing: 0);

        // When / Then
        MaxUnavailable.Check(timeline, "web", 3, 2, Hand.At(ChangedAt)).ShouldFail("3 pods of web were unavailable at once");
    }

    [Test]
    public void HandBuilt_NothingReplaced_FailsInsteadOfPassingVacuously()
    {
        // Given / When / Then
        MaxUnavailable.Check(Roll([]), "web", 3, 1, Hand.At(ChangedAt)).ShouldFail("no pod of web was replaced after the template change");
    }

    [Test]
    public void HandBuilt_PodGoneBeforeItsReplacementExists_CountsTheOrdinalAsAbsent()
    {
        // Given web-2 gone at 10.5 while its replacement appears only at 12, and web-1 deleted at 11 (replaced at 11.6)
        var timeline = TwoThenOne();
        timeline = timeline with
        {
            Pods = [.. timeline.Pods.Select(p => p.Uid switch
            {
                "old-1" => p with { TerminationRequested = Hand.Server(11), Gone = Hand.Observed(11.5) },
                "new-2" => p with { Created = Hand.Server(12) },
                "new-1" => p with { Created = Hand.Server(11.6) },
                _ => p,
            })],
        };

        // When / Then the empty ordinal 2 counts as unavailable beside the terminating web-1
        MaxUnavailable.Check(timeline, "web", 3, 1, Hand.At(ChangedAt)).ShouldFail("(web-1 (old-1) terminating, web-2 absent)");
    }

    // web-2 and web-1 deleted at 10, replaced at 10.6 and Ready at 12; web-0 deleted at 13, replaced, Ready at 15.
    private static Timeline.Timeline TwoThenOne() => Roll([2, 1, 0]) with
    {
        Pods =
        [
            Pod("web-0", "old-0", 0, V1, ready: 1, deleted: 13), Pod("web-1", "old-1", 2, V1, ready: 3, deleted: 10), Pod("web-2", "old-2", 4, V1, ready: 5, deleted: 10),
            Pod("web-2", "new-2", 10.6, V2, ready: 12), Pod("web-1", "new-1", 10.6, V2, ready: 12), Pod("web-0", "new-0", 13.6, V2, ready: 15),
        ],
    };
}
