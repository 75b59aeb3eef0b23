using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class InstantTests
{
    [Test]
    public void Compare_ServerSecondsDiffer_ServerClockDecidesOverTheObserver()
    {
        // Given a fact the server stamped at 10:00:01 but the observer saw late, and one stamped 10:00:02 seen early
        var early = new Instant(Hand.At(1), Hand.At(5), 7);
        var late = new Instant(Hand.At(2), Hand.At(3), 3);

        // When / Then the server's order wins
        Instant.Compare(early, late).ShouldBeLessThan(0);
        early.IsBefore(late).ShouldBeTrue();
        late.IsBefore(early).ShouldBeFalse();
    }

    [Test]
    public void Compare_SameServerSecond_ObserverClockThenSequenceDecide()
    {
        // Given three facts in the same server second
        var a = new Instant(Hand.At(1), Hand.At(1.4), 9);
        var b = new Instant(Hand.At(1), Hand.At(1.6), 2);
        var c = new Instant(Hand.At(1), Hand.At(1.6), 3);

        // When / Then the observer's clock, then the observation order, break the tie
        Instant.Compare(a, b).ShouldBeLessThan(0);
        Instant.Compare(b, c).ShouldBeLessThan(0);
        Instant.Compare(c, c).ShouldBe(0);
    }

    [Test]
    public void CompareInStream_BothSequenced_StreamOrderWinsOverBothClocks()
    {
        // Given a fact stamped and seen later but delivered first
        var deliveredFirst = new Instant(Hand.At(3), Hand.At(3.5), 20);
        var deliveredSecond = new Instant(Hand.At(2), Hand.At(2.5), 21);

        // When / Then
        Instant.CompareInStream(deliveredFirst, deliveredSecond).ShouldBeLessThan(0);
        Instant.Compare(deliveredFirst, deliveredSecond).ShouldBeGreaterThan(0);
    }

    [Test]
    public void CompareInStream_OneWithoutSequence_FallsBackToTheClocks()
    {
        // Given a parsed fact without observation order (sequence 0)
        var unsequenced = new Instant(Hand.At(3), Hand.At(3.5), 0);
        var sequenced = new Instant(Hand.At(2), Hand.At(2.5), 21);

        // When / Then the clocks decide
        Instant.CompareInStream(unsequenced, sequenced).ShouldBeGreaterThan(0);
    }

    [Test]
    public void ToString_NamesTheClock()
    {
        // Given / When / Then
        new Instant(Hand.At(1), Hand.At(1.2)).ToString().ShouldBe("10:00:01Z (server)");
        new Instant(null, Hand.At(1.25)).ToString().ShouldBe("10:00:01.250Z (observed)");
    }
}
