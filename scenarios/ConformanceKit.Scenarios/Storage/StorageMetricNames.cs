namespace ConformanceKit.Scenarios.Storage;

/// <summary>How metrics are named in messages, the report and summary.json.</summary>
public static class StorageMetricNames
{
    /// <summary>The metrics in report order.</summary>
    public static IReadOnlyList<StorageMetric> All { get; } = Enum.GetValues<StorageMetric>();

    /// <summary>The re-attach metrics (the ones <c>--max-reattach-seconds</c> gates).</summary>
    public static IReadOnlyList<StorageMetric> Reattach { get; } =
        [StorageMetric.ReattachGraceful, StorageMetric.ReattachForced, StorageMetric.RestartInPlace];

    /// <summary>A short lower-case label, e.g. <c>re-attach (force delete)</c>.</summary>
    public static string Label(StorageMetric metric) => metric switch
    {
        StorageMetric.Bind => "bind",
        StorageMetric.AttachMount => "attach+mount",
        StorageMetric.ReattachGraceful => "re-attach (graceful delete)",
        StorageMetric.ReattachForced => "re-attach (force delete)",
        StorageMetric.RestartInPlace => "re-attach (restart in place)",
        StorageMetric.ScaleUpSupply => "scale-up supply",
        StorageMetric.Reclaim => "reclaim",
        _ => metric.ToString(),
    };

    /// <summary>A stable machine name, e.g. <c>reattachForced</c> (summary.json, SVG ids and file names).</summary>
    public static string Key(StorageMetric metric)
    {
        var name = metric.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
