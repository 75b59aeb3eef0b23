using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>
/// Facts against step marks: a server stamp (whole seconds) in the second before a mark may be after it; a stamp a
/// whole second or more before the mark, or a fact seen before it, is before it.
/// </summary>
public sealed class StepClockTests
{
    private static readonly DateTimeOffset Mark = Hand.At(15.4);

    [Test]
    public void ServerStampTruncatedToTheSecondBeforeTheMark_CountsAsInTheWindow()
    {
        // Given a fact at 15.45, stamped 15 by the server (truncated: 0.4 s before the mark at 15.4) and seen at 15.47
        var fact = new Instant(Hand.At(15), Hand.At(15.47), 1);

        // When / Then it may have happened after the mark: it is in the window the mark opens, and not certainly before or after it
        StepClock.InWindow(fact, Mark, null).ShouldBeTrue();
        StepClock.Before(fact, Mark).ShouldBeFalse();
        StepClock.After(fact, Mark).ShouldBeFalse();
    }

    [TestCase(14.4)]
    [TestCase(13)]
    public void ServerStampAWholeSecondOrMoreBeforeTheMark_IsBeforeIt(double stamped)
    {
        // Given a fact the server stamped a whole second or more before the mark, seen (late) after the mark
        var fact = new Instant(Hand.At(stamped), Hand.At(15.47), 1);

        // When / Then it happened before the mark, whatever the watch's delay
        StepClock.Before(fact, Mark).ShouldBeTrue();
        StepClock.InWindow(fact, Mark, null).ShouldBeFalse();
    }

    [Test]
    public void FactSeenBeforeTheMark_IsBeforeItWhateverItsStamp()
    {
        // Given a fact seen at 15.3, before the mark at 15.4 (the observer never sees a fact before it happens)
        var fact = new Instant(Hand.At(15), Hand.At(15.3), 1);

        // When / Then
        StepClock.Before(fact, Mark).ShouldBeTrue();
        StepClock.InWindow(fact, Hand.At(10), Mark).ShouldBeTrue();
    }

    [Test]
    public void ServerStampAfterTheMark_IsAfterIt_AndAFactWithoutOneGoesByWhenItWasSeen()
    {
        // Given / When / Then
        StepClock.After(new Instant(Hand.At(16), Hand.At(16.1), 1), Mark).ShouldBeTrue();
        StepClock.After(new Instant(null, Hand.At(15.5), 1), Mark).ShouldBeTrue();
        StepClock.After(new Instant(null, Hand.At(15.3), 1), Mark).ShouldBeFalse();
    }
}
