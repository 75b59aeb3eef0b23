using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>
/// The rolling-update window against the template-change mark: a deletion the server stamped (whole seconds) in the
/// second before the mark may be the roll's; one stamped a whole second or more before it is not.
/// </summary>
public sealed class UpdateWindowClockTests
{
    [Test]
    public void DeletionStampedInTheSecondBeforeTheChangeMark_CountsAsTheRollsFirst()
    {
        // Given the roll 2, 1, 0 whose first deletion (web-2) the server stamped 9, half a second before the change mark at 9.5, seen at 10.2
        var timeline = WithDeletionOfWeb2(stamped: 9);

        // When / Then
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt)).ShouldPass();
    }

    [Test]
    public void DeletionStampedAWholeSecondBeforeTheChangeMark_IsNotTheRolls()
    {
        // Given the same deletion stamped 8: it happened before the template changed, however late it was seen
        var timeline = WithDeletionOfWeb2(stamped: 8);

        // When / Then web-2 counts as never replaced by the roll
        RollingUpdateOrder.Check(timeline, "web", 3, Hand.At(ChangedAt))
            .ShouldFail("web-2 (old-2) at revision web-v1 was never replaced by a pod at the update revision web-v2");
    }

    private static Timeline.Timeline WithDeletionOfWeb2(double stamped)
    {
        var timeline = Roll([2, 1, 0]);
        return timeline with
        {
            Pods = [.. timeline.Pods.Select(p => p.Uid == "old-2" ? p with { TerminationRequested = new Instant(Hand.At(stamped), Hand.At(10.2), 10_000) } : p)],
        };
    }
}
