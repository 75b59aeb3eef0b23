using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// An optional limit on the p95 of a group of metrics per class, e.g. <c>--max-bind-seconds 5</c>. Exceeding it is a
/// failed check with the values: <c>bind p95 7.4 s &gt; 5 s on class slow-hdd (n=9)</c>.
/// </summary>
public sealed record LatencyGate(string Label, IReadOnlyList<StorageMetric> Metrics, double MaxSeconds)
{
    /// <summary>The gate of <c>--max-bind-seconds</c>.</summary>
    public static LatencyGate Bind(double maxSeconds) => new("bind", [StorageMetric.Bind], maxSeconds);

    /// <summary>The gate of <c>--max-reattach-seconds</c>: graceful, forced and in-place re-attach samples together.</summary>
    public static LatencyGate Reattach(double maxSeconds) => new("re-attach", StorageMetricNames.Reattach, maxSeconds);

    /// <summary>The gates the options ask for (none when both limits are null).</summary>
    public static IReadOnlyList<LatencyGate> From(double? maxBindSeconds, double? maxReattachSeconds) =>
        [.. new[] { maxBindSeconds is { } b ? Bind(b) : null, maxReattachSeconds is { } r ? Reattach(r) : null }.OfType<LatencyGate>()];

    /// <summary>
    /// Applies the gate to the samples of <paramref name="storageClass"/>; without any sample the gate cannot be
    /// judged and fails (a limit the run never measured must not pass silently).
    /// </summary>
    public CheckResult Check(string storageClass, IEnumerable<LatencySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var mine = samples.Where(s => s.StorageClass == storageClass && Metrics.Contains(s.Metric)).ToList();
        var check = $"LatencyGate({Label})";
        var limit = LatencySample.FormatSeconds(MaxSeconds);
        if (mine.Count == 0)
        {
            return CheckResult.Fail(check, $"no {Label} samples on class {storageClass}: the {Label} gate of {limit} s cannot be judged");
        }

        var summary = LatencySummary.From(Metrics[0], storageClass, mine);
        var text = $"{Label} p95 {LatencySample.FormatSeconds(summary.P95)} s";
        var facts = mine.OrderByDescending(s => s.Seconds).Take(3).Select(s => $"slowest: {s}").ToList();
        return summary.P95 > MaxSeconds
            ? CheckResult.Fail(check, $"{text} > {limit} s on class {storageClass} (n={summary.N})", facts)
            : CheckResult.Pass(check, $"{text} <= {limit} s on class {storageClass} (n={summary.N})", facts);
    }
}
