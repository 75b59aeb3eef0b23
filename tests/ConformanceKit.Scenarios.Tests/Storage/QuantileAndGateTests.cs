using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class QuantileAndGateTests
{
    private static LatencySample Sample(StorageMetric metric, string storageClass, double seconds) =>
        new(metric, storageClass, "data-web-0", seconds, ClockSource.Observed, "PVC created → Bound");

    private static IReadOnlyList<LatencySample> SlowHdd() =>
        [.. new[] { 1.0, 1.2, 1.4, 2.0, 2.2, 3.1, 4.0, 5.5, 7.4 }.Select(s => Sample(StorageMetric.Bind, "slow-hdd", s))];

    [Test]
    public void Summary_NineSamples_NearestRankQuantiles()
    {
        // Given / When
        var summary = LatencySummary.From(StorageMetric.Bind, "slow-hdd", SlowHdd());

        // Then p50 is the 5th of 9, p95 the 9th
        (summary.N, summary.P50, summary.P95, summary.Max).ShouldBe((9, 2.2, 7.4, 7.4));
        summary.ToString().ShouldBe("bind on slow-hdd: n=9, p50 2.2 s, p95 7.4 s, max 7.4 s (observed)");
    }

    [Test]
    public void Quantile_TwentySamples_P95IsTheNineteenth()
    {
        // Given 1..20 s
        var sorted = Enumerable.Range(1, 20).Select(i => (double)i).ToList();

        // When / Then
        (LatencySummary.Quantile(sorted, 0.5), LatencySummary.Quantile(sorted, 0.95), LatencySummary.Quantile([], 0.95)).ShouldBe((10d, 19d, 0d));
    }

    [Test]
    public void Of_MixedClassesAndMetrics_OneSummaryPerClassAndMetric()
    {
        // Given samples of two classes and two metrics
        var samples = SlowHdd().Append(Sample(StorageMetric.Bind, "fast-ssd", 0.4)).Append(Sample(StorageMetric.ReattachForced, "fast-ssd", 2));

        // When / Then
        LatencySummary.Of(samples).Select(s => (s.StorageClass, s.Metric, s.N)).ShouldBe(
            [("fast-ssd", StorageMetric.Bind, 1), ("fast-ssd", StorageMetric.ReattachForced, 1), ("slow-hdd", StorageMetric.Bind, 9)]);
    }

    [Test]
    public void BindGate_P95AboveTheLimit_FailsWithTheValues()
    {
        // Given / When / Then
        LatencyGate.Bind(5).Check("slow-hdd", SlowHdd()).ShouldFail("bind p95 7.4 s > 5 s on class slow-hdd (n=9)");
    }

    [Test]
    public void BindGate_P95WithinTheLimit_PassesAndIgnoresOtherClasses()
    {
        // Given the slow class's samples beside five of a fast class's
        var samples = SlowHdd().Concat(new[] { 0.2, 0.3, 0.3, 0.4, 0.4 }.Select(s => Sample(StorageMetric.Bind, "fast-ssd", s)));

        // When / Then
        LatencyGate.Bind(1).Check("fast-ssd", samples).ShouldPass().Message.ShouldBe("bind p95 0.4 s <= 1 s on class fast-ssd (n=5)");
        LatencyGate.Bind(8).Check("slow-hdd", samples).ShouldPass();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Gate_FewerThanFiveSamples_FailsAsTooFewToGate_EvenWhenEveryOneIsWithinTheLimit(int n)
    {
        // Given n fast samples, far below the limit
        var samples = Enumerable.Range(0, n).Select(_ => Sample(StorageMetric.ReattachGraceful, "fast-ssd", 0.5)).ToList();

        // When
        var verdict = LatencyGate.Reattach(30).Judge("fast-ssd", samples);

        // Then no pass: the gate says it could not judge, and marks itself as such (an error, not a violation)
        verdict.Result.ShouldFail($"too few samples to gate: n = {n}");
        (verdict.N, verdict.TooFewSamples).ShouldBe((n, true));
    }

    [Test]
    public void Gate_FiveSamples_IsJudged()
    {
        // Given exactly the minimum, once within and once over the limit (control)
        var samples = new[] { 1.0, 1.0, 2.0, 2.0, 3.0 }.Select(s => Sample(StorageMetric.ReattachGraceful, "fast-ssd", s)).ToList();

        // When / Then
        var within = LatencyGate.Reattach(5).Judge("fast-ssd", samples);
        (within.Result.Passed, within.TooFewSamples).ShouldBe((true, false));
        var over = LatencyGate.Reattach(2.5).Judge("fast-ssd", samples);
        (over.Result.Passed, over.TooFewSamples).ShouldBe((false, false));
        over.Result.Message.ShouldBe("re-attach p95 3 s > 2.5 s on class fast-ssd (n=5)");
    }

    [Test]
    public void ReattachGate_CountsGracefulForcedAndInPlaceTogether_AndFailsWithoutSamples()
    {
        // Given three kinds of re-attach on fast-ssd, the slowest 6 s
        var samples = new[]
        {
            Sample(StorageMetric.ReattachGraceful, "fast-ssd", 2), Sample(StorageMetric.ReattachGraceful, "fast-ssd", 2.5),
            Sample(StorageMetric.ReattachForced, "fast-ssd", 6), Sample(StorageMetric.ReattachForced, "fast-ssd", 1.5),
            Sample(StorageMetric.RestartInPlace, "fast-ssd", 1), Sample(StorageMetric.Bind, "fast-ssd", 60),
        };

        // When / Then
        LatencyGate.Reattach(5).Check("fast-ssd", samples).ShouldFail("re-attach p95 6 s > 5 s on class fast-ssd (n=5)");
        LatencyGate.Reattach(5).Check("slow-hdd", samples).ShouldFail("no re-attach samples on class slow-hdd");
        LatencyGate.From(null, null).ShouldBeEmpty();
        LatencyGate.From(5, 10).Select(g => g.Label).ShouldBe(["bind", "re-attach"]);
    }

    [Test]
    public void Between_MixedClocks_UsesTheObserverClockOnBothEnds()
    {
        // Given one end with a server time and one without
        var from = new Timeline.Instant(Support.Hand.At(0), Support.Hand.At(0.5));
        var to = new Timeline.Instant(null, Support.Hand.At(2.75));

        // When
        var sample = LatencySample.Between(StorageMetric.Bind, "c", "x", from, to, "span");

        // Then
        (sample.Seconds, sample.Clock).ShouldBe((2.25, ClockSource.Observed));
    }
}
