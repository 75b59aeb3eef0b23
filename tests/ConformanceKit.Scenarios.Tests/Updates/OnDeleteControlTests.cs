using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Support.HandUpdate;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>
/// The OnDelete check against a pod that was already updated before the test deleted it, and against deletions whose
/// server stamps (whole seconds) fall just before, or a whole second before, the test's deletion mark.
/// </summary>
public sealed class OnDeleteControlTests
{
    [Test]
    public void PodAlreadyAtTheUpdateRevisionBeforeTheDeletion_FailsNamingItsRevision()
    {
        // Given web-1 replaced at web-v2 at 10.8 (before the window the check is given opens at 12), then deleted by
        // the test at 15 and back at web-v2: its coming back at the update revision proves nothing
        var timeline = OnDelete();
        timeline = timeline with
        {
            Pods =
            [
                .. timeline.Pods.Select(p => p.Uid == "old-1" ? p with { TerminationRequested = Hand.Server(10.2) } : p),
                Pod("web-1", "mid-1", 10.8, V2, ready: 12, deleted: 15.1),
            ],
        };

        // When the check's window starts after web-1 was already updated
        var result = OnDeleteUpdate.Check(timeline, "web", 3, Hand.At(12), 2, 1, Hand.At(DeletedAt));

        // Then it fails, naming the pod, its revision and the current one
        result.ShouldFail("web-1 (mid-1), the pod the test deleted at 10:00:15.000, carried revision web-v2 before the deletion, not the current revision web-v1");
    }

    [Test]
    public void DeletionStampedInTheSecondBeforeTheDeletionMark_IsTheTestsDeletion()
    {
        // Given the test marked its deletion at 15.4; the server stamped it 15 (truncated) and the watch saw it at 15.47
        var timeline = WithDeletionOfWeb1(stamped: 15, seen: 15.47);

        // When / Then the deletion counts as the test's
        OnDeleteUpdate.Check(timeline, "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(15.4)).ShouldPass();
    }

    [Test]
    public void DeletionStampedAWholeSecondBeforeTheDeletionMark_IsNotTheTestsDeletion()
    {
        // Given the same deletion, stamped 14 by the server: it happened before the test's mark at 15.4, however late it was seen
        var timeline = WithDeletionOfWeb1(stamped: 14, seen: 15.47);

        // When
        var result = OnDeleteUpdate.Check(timeline, "web", 3, Hand.At(ChangedAt), 2, 1, Hand.At(15.4));

        // Then the pod moved before the test deleted it, and the test's deletion found nothing to delete
        result.ShouldFail("web-1 (old-1) was deleted at 10:00:14Z (server), after the template change and before the test deleted any pod");
        result.Details.ShouldContain("web-1 (old-1) was not deleted after 10:00:15.400 (deletion requested 10:00:14Z (server))");
    }

    private static Timeline.Timeline WithDeletionOfWeb1(double stamped, double seen)
    {
        var timeline = OnDelete();
        return timeline with
        {
            Pods = [.. timeline.Pods.Select(p => p.Uid == "old-1" ? p with { TerminationRequested = new Instant(Hand.At(stamped), Hand.At(seen), 15_100) } : p)],
        };
    }
}
