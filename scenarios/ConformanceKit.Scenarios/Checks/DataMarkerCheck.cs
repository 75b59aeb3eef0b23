namespace ConformanceKit.Scenarios.Checks;

/// <summary>Data markers on the user's claims: each marker written (key: pod and claim template) is read back unchanged, and none is another pod's.</summary>
public static class DataMarkerCheck
{
    private const string Name = "DataMarkers";

    /// <summary>Compares what was read after <paramref name="after"/> (e.g. "every pod was replaced") with what was written.</summary>
    public static CheckResult Check(IReadOnlyDictionary<string, string> written, IReadOnlyDictionary<string, string> read, string after)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(read);
        var violations = written.Count == 0 ? ["no marker was written, so nothing shows the data survived"] : PerPodStorage.MarkerViolations(written, read);
        return CheckResult.From(Name, [.. violations.Select(v => $"after {after}: {v}")],
            $"after {after} each of the {written.Count} markers was read back by its own pod",
            written.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}: wrote '{written[k]}', read '{(read.TryGetValue(k, out var r) ? r : "nothing")}'"));
    }
}
