using System.Globalization;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>One measured latency of one storage class, with the clock it came from and what its ends were.</summary>
/// <param name="Metric">What was measured.</param>
/// <param name="StorageClass">The class the claim belongs to.</param>
/// <param name="Subject">The claim or pod measured, e.g. <c>data-web-1</c> or <c>web-1 (39886350)</c>.</param>
/// <param name="Seconds">The latency.</param>
/// <param name="Clock">Server timestamps on both ends, or the observer's clock on both ends.</param>
/// <param name="Span">From what to what, e.g. <c>PVC created → Bound</c>.</param>
public sealed record LatencySample(StorageMetric Metric, string StorageClass, string Subject, double Seconds, ClockSource Clock, string Span)
{
    /// <summary>
    /// The time from <paramref name="from"/> to <paramref name="to"/>: on server timestamps when both ends carry
    /// one (never mixing the server's clock with the observer's), else on the observer's clock.
    /// </summary>
    public static LatencySample Between(StorageMetric metric, string storageClass, string subject, Instant from, Instant to, string span)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.Server is { } start && to.Server is { } end
            ? new(metric, storageClass, subject, (end - start).TotalSeconds, ClockSource.Server, span)
            : new(metric, storageClass, subject, (to.Observed - from.Observed).TotalSeconds, ClockSource.Observed, span);
    }

    /// <summary>Formats seconds for messages: up to 3 decimals, invariant culture (e.g. <c>7.4</c>).</summary>
    public static string FormatSeconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>E.g. <c>bind data-web-1: 0.8 s (observed; PVC created → Bound)</c>.</summary>
    public override string ToString() =>
        $"{StorageMetricNames.Label(Metric)} {Subject}: {FormatSeconds(Seconds)} s ({Clock.ToString().ToLowerInvariant()}; {Span})";
}
