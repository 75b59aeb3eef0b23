using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// An optional limit on the p95 of a group of metrics per class, e.g. <c>--max-bind-seconds 5</c>. Exceeding it is a
/// failed check with the values: <c>bind p95 7.4 s &gt; 5 s on class slow-hdd (n=9)</c>. Fewer than
/// <see cref="MinimumSamples"/> samples are no distribution: such a gate fails as an error, never passes.
/// </summary>
public sealed record LatencyGate(string Label, IReadOnlyList<StorageMetric> Metrics, double MaxSeconds)
{
    /// <summary>The fewest samples a gate judges (with 5, the nearest-rank p95 is the maximum; below, one sample decides alone).</summary>
    public const int MinimumSamples = 5;

    /// <summary>The gate of <c>--max-bind-seconds</c>.</summary>
    public static LatencyGate Bind(double maxSeconds) => new("bind", [StorageMetric.Bind], maxSeconds);

    /// <summary>The gate of <c>--max-reattach-seconds</c>: graceful, forced and in-place re-attach samples together.</summary>
    public static LatencyGate Reattach(double maxSeconds) => new("re-attach", StorageMetricNames.Reattach, maxSeconds);

    /// <summary>The gates the options ask for (none when both limits are null).</summary>
    public static IReadOnlyList<LatencyGate> From(double? maxBindSeconds, double? maxReattachSeconds) =>
        [.. new[] { maxBindSeconds is { } b ? Bind(b) : null, maxReattachSeconds is { } r ? Reattach(r) : null }.OfType<LatencyGate>()];

    /// <summary>Applies the gate to the samples of <paramref name="storageClass"/> (see <see cref="Judge"/>).</summary>
    public CheckResult Check(string storageClass, IEnumerable<LatencySample> samples) => Judge(storageClass, samples).Result;

    /// <summary>
    /// Applies the gate to the samples of <paramref name="storageClass"/>. With fewer than <see cref="MinimumSamples"/>
    /// (none at all included) the gate cannot be judged and fails, marked <see cref="LatencyGateResult.TooFewSamples"/>:
    /// a limit the run did not measure often enough must not pass silently.
    /// </summary>
    public LatencyGateResult Judge(string storageClass, IEnumerable<LatencySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var mine = samples.Where(s => s.StorageClass == storageClass && Metrics.Contains(s.Metric)).ToList();
        var check = $"LatencyGate({Label})";
        var limit = LatencySample.FormatSeconds(MaxSeconds);
        if (mine.Count == 0)
        {
            return new(this, storageClass, 0, CheckResult.Fail(check, $"no {Label} samples on class {storageClass}: the {Label} gate of {limit} s cannot be judged"));
        }

        var summary = LatencySummary.From(Metrics[0], storageClass, mine);
        var text = $"{Label} p95 {LatencySample.FormatSeconds(summary.P95)} s";
        var facts = mine.OrderByDescending(s => s.Seconds).Take(3).Select(s => $"slowest: {s}").ToList();
        if (mine.Count < MinimumSamples)
        {
            return new(this, storageClass, mine.Count, CheckResult.Fail(check,
                $"too few samples to gate: n = {mine.Count} {Label} samples on class {storageClass}, the {Label} gate of {limit} s needs at least {MinimumSamples} (--samples)", facts));
        }

        return new(this, storageClass, mine.Count, summary.P95 > MaxSeconds
            ? CheckResult.Fail(check, $"{text} > {limit} s on class {storageClass} (n={summary.N})", facts)
            : CheckResult.Pass(check, $"{text} <= {limit} s on class {storageClass} (n={summary.N})", facts));
    }
}
