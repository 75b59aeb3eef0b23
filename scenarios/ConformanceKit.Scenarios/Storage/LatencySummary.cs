namespace ConformanceKit.Scenarios.Storage;

/// <summary>n, p50, p95 and max of one metric on one class (nearest-rank quantiles: each is one of the samples).</summary>
public sealed record LatencySummary(StorageMetric Metric, string StorageClass, int N, double P50, double P95, double Max, IReadOnlyList<ClockSource> Clocks)
{
    /// <summary>One summary per (class, metric) that has samples, ordered by class then metric.</summary>
    public static IReadOnlyList<LatencySummary> Of(IEnumerable<LatencySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples
            .GroupBy(s => (s.StorageClass, s.Metric))
            .OrderBy(g => g.Key.StorageClass, StringComparer.Ordinal).ThenBy(g => g.Key.Metric)
            .Select(g => From(g.Key.Metric, g.Key.StorageClass, [.. g]))
            .ToList();
    }

    /// <summary>The summary of <paramref name="samples"/> (all of one metric and class; none gives n=0 and zeros).</summary>
    public static LatencySummary From(StorageMetric metric, string storageClass, IReadOnlyList<LatencySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Select(s => s.Seconds).Order().ToList();
        return new(metric, storageClass, sorted.Count, Quantile(sorted, 0.50), Quantile(sorted, 0.95), sorted.Count == 0 ? 0 : sorted[^1],
            [.. samples.Select(s => s.Clock).Distinct().Order()]);
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="q"/> of the samples at or below it (0 when empty).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>The clocks, e.g. <c>server</c> or <c>observed+server</c>.</summary>
    public string ClockText => string.Join('+', Clocks.Select(c => c.ToString().ToLowerInvariant()));

    /// <summary>E.g. <c>bind on standard: n=9, p50 0.8 s, p95 1.2 s, max 1.2 s (observed)</c>.</summary>
    public override string ToString() =>
        $"{StorageMetricNames.Label(Metric)} on {StorageClass}: n={N}, p50 {LatencySample.FormatSeconds(P50)} s, p95 {LatencySample.FormatSeconds(P95)} s, max {LatencySample.FormatSeconds(Max)} s ({ClockText})";
}
