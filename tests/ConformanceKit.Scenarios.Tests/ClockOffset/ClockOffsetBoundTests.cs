using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.ClockOffset;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.ClockOffset;

public sealed class ClockOffsetBoundTests
{
    [Test]
    public void Bound_ReadsAsSignedSecondsFromThisMachine_RoundedOutwardsSoItStillHolds()
    {
        // Given a bound of +0.2349 s to +0.3001 s over 412 answers
        var bound = new ClockOffsetBound(0.2349, 0.3001, 412);

        // When it is written out
        var text = bound.ToString();

        // Then the low end is rounded down and the high end up
        text.ShouldBe("+0.23 s … +0.31 s from this machine (n=412)");
    }

    [Test]
    public void BoundAfterARestart_SaysSo()
    {
        // Given a bound behind our clock that was measured anew twice
        var bound = new ClockOffsetBound(-2.004, -1.98, 7, 2);

        // When it is written out
        var text = bound.ToString();

        // Then it shows both signs' rounding and the restarts
        text.ShouldBe("-2.01 s … -1.98 s from this machine (n=7; measured anew 2× after answers contradicted each other)");
    }

    [TestCase(0.23, 0.31, true)]
    [TestCase(-0.31, -0.23, true)]
    [TestCase(0.11, 0.12, true)]
    [TestCase(0.05, 0.08, false)]
    [TestCase(-0.04, 0.9, false)]
    [TestCase(-0.5, 0.5, false)]
    [TestCase(0.09, 0.4, false)]
    public void Disagreement_OnlyWhenTheWholeBoundLiesBeyondTheAgreementOnOneSide(double low, double high, bool disagrees)
    {
        // Given a measured bound and the agreement the timing checks assume (a tenth of a second)
        StepClock.ClockAgreement.ShouldBe(TimeSpan.FromSeconds(0.1));
        var bound = new ClockOffsetBound(low, high, 40);

        // When it is judged
        var judged = bound.Disagrees;

        // Then only a bound certainly beyond ±0.1 s disagrees, and only then is there a warning
        judged.ShouldBe(disagrees);
        (bound.Warning is not null).ShouldBe(disagrees);
    }

    [Test]
    public void Warning_SaysWhatTheChecksAssume_AndNamesTheMeasuredBound()
    {
        // Given the server's clock measured 0.23 s to 0.31 s ahead
        var bound = new ClockOffsetBound(0.23, 0.31, 412);

        // When the warning is read
        var warning = bound.Warning;

        // Then it names the assumption and the bound
        warning.ShouldBe("the timing checks assume that the API server's clock agrees with this machine's to within 0.1 s, " +
            "but it was measured at +0.23 s … +0.31 s from this machine (n=412); facts the server stamped within that much " +
            "of a step may be placed on the wrong side of it");
    }
}
