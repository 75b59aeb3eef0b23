using ConformanceKit.Scenarios.ClockOffset;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.ClockOffset;

public sealed class ClockOffsetEstimatorTests
{
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(20);

    [Test]
    public void NoAnswerYet_GivesNoBound_NotZero()
    {
        // Given an estimator that has seen no answer
        var estimator = new ClockOffsetEstimator();

        // When its bound is read
        var bound = estimator.Current;

        // Then there is none (a zero offset would claim agreeing clocks nobody measured)
        bound.ShouldBeNull();
    }

    [Test]
    public void OneAnswer_BoundsTheOffsetBetweenDateMinusReceivedAndDatePlusASecondMinusSent()
    {
        // Given a request sent at 10:00:00.300 and answered at 10:00:00.350 with Date 10:00:02
        var estimator = new ClockOffsetEstimator();

        // When the answer is added
        estimator.Add(Hand.At(0.3), Hand.At(0.35), Hand.At(2)).ShouldBeTrue();

        // Then the server's clock is 1.65 s to 2.7 s ahead of ours, on one sample
        estimator.Current.ShouldBe(new ClockOffsetBound(1.65, 2.7, 1));
    }

    [TestCase(0.27)]
    [TestCase(-1.62)]
    [TestCase(0.0)]
    public void FixedOffset_IsRecoveredAndTheBoundNarrowsToTheRoundTrip_AsAnswersFallAtOtherFractionsOfASecond(double offsetSeconds)
    {
        // Given a server whose clock runs a fixed offset from ours, answering 20 ms requests every 0.137 s
        var offset = TimeSpan.FromSeconds(offsetSeconds);
        var estimator = new ClockOffsetEstimator();
        var widths = new List<double>();

        // When 100 answers are added
        for (var i = 0; i < 100; i++)
        {
            var sent = Hand.At(i * 0.137);
            estimator.Add(sent, sent + RoundTrip, ServerDate(sent + RoundTrip / 2, offset));
            var bound = estimator.Current!;
            bound.Low.ShouldBeLessThanOrEqualTo(offset);
            bound.High.ShouldBeGreaterThanOrEqualTo(offset);
            widths.Add(bound.HighSeconds - bound.LowSeconds);
        }

        // Then every bound held the offset, no bound widened, and the last is about one round trip wide
        widths[0].ShouldBe(1.02, 1e-9);
        widths.Zip(widths.Skip(1)).ShouldAllBe(w => w.Second <= w.First);
        widths[^1].ShouldBeLessThanOrEqualTo(2 * RoundTrip.TotalSeconds);
        estimator.Current!.Samples.ShouldBe(100);
        estimator.Current.Restarts.ShouldBe(0);
    }

    [Test]
    public void ServerClockSteppedByThreeSeconds_ContradictionIsDetected_AndTheBoundIsMeasuredAnewFromTheNewestAnswers()
    {
        // Given 50 answers from a server 0.27 s ahead, then its clock stepped 3 s forward for 10 more answers
        var estimator = new ClockOffsetEstimator();
        var before = TimeSpan.FromSeconds(0.27);
        var after = TimeSpan.FromSeconds(3.27);
        for (var i = 0; i < 60; i++)
        {
            var sent = Hand.At(i * 0.137);
            estimator.Add(sent, sent + RoundTrip, ServerDate(sent + RoundTrip / 2, i < 50 ? before : after));
        }

        // When the bound is read
        var bound = estimator.Current!;

        // Then the contradiction was counted and the bound holds the new offset alone, resting on the answers after the step
        bound.Restarts.ShouldBe(1);
        bound.Low.ShouldBeLessThanOrEqualTo(after);
        bound.High.ShouldBeGreaterThanOrEqualTo(after);
        bound.Low.ShouldBeGreaterThan(before);
        bound.Samples.ShouldBe(10);
    }

    [Test]
    public void ContradictingPair_IsNotIntersectedIntoNonsense()
    {
        // Given two answers that cannot both hold: Date 10:00:05 at 10:00:00 and, a second later, Date 10:00:01
        var estimator = new ClockOffsetEstimator();
        estimator.Add(Hand.At(0), Hand.At(0.01), Hand.At(5));

        // When the second is added
        estimator.Add(Hand.At(1), Hand.At(1.01), Hand.At(1));

        // Then the bound is the newest answer's own (an empty interval is never reported), with the restart counted
        estimator.Current.ShouldBe(new ClockOffsetBound(-0.01, 1.0, 1, 1));
    }

    [Test]
    public void AnswerReceivedBeforeItWasSent_OurClockWentBack_IsLeftOut()
    {
        // Given a good answer, then one whose received time is before its sent time
        var estimator = new ClockOffsetEstimator();
        estimator.Add(Hand.At(0.3), Hand.At(0.35), Hand.At(2));

        // When the second is added
        var taken = estimator.Add(Hand.At(1.3), Hand.At(1.2), Hand.At(9));

        // Then it is refused and the bound is unchanged
        taken.ShouldBeFalse();
        estimator.Current.ShouldBe(new ClockOffsetBound(1.65, 2.7, 1));
    }

    [Test]
    public async Task AnswersFromManyThreads_AreEachCountedOnce()
    {
        // Given eight threads adding 2000 answers each from a server 0.4 s ahead
        var estimator = new ClockOffsetEstimator();
        var offset = TimeSpan.FromSeconds(0.4);

        // When they run at once
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                var sent = Hand.At((t * 2000 + i) * 0.0137);
                estimator.Add(sent, sent + RoundTrip, ServerDate(sent + RoundTrip / 2, offset));
            }
        })));

        // Then every answer counted and the bound holds the offset
        var bound = estimator.Current!;
        (bound.Samples, bound.Restarts).ShouldBe((16000, 0));
        bound.Low.ShouldBeLessThanOrEqualTo(offset);
        bound.High.ShouldBeGreaterThanOrEqualTo(offset);
    }

    /// <summary>The Date header a server with this offset writes at our moment <paramref name="at"/>: whole seconds, truncated.</summary>
    private static DateTimeOffset ServerDate(DateTimeOffset at, TimeSpan offset)
    {
        var server = at + offset;
        return server.AddTicks(-(server.UtcTicks % TimeSpan.TicksPerSecond));
    }
}
