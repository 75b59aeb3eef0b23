namespace ConformanceKit.Scenarios.Storage;

/// <summary>Every storage scenario's evidence of a run, merged: each class once, all samples, each gate once.</summary>
public sealed record StorageRunEvidence(IReadOnlyList<StorageClassProfile> Classes, IReadOnlyList<LatencySample> Samples, IReadOnlyList<LatencyGate> Gates)
{
    /// <summary>Merges the scenarios' evidence (classes in order of first appearance).</summary>
    public static StorageRunEvidence From(IEnumerable<StorageEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var all = evidence.ToList();
        return new(
            [.. all.Select(e => e.Class).DistinctBy(c => c.Name, StringComparer.Ordinal)],
            [.. all.SelectMany(e => e.Samples)],
            [.. all.SelectMany(e => e.Gates).DistinctBy(g => (g.Label, g.MaxSeconds))]);
    }

    /// <summary>Each gate applied to each class over all of its samples.</summary>
    public IReadOnlyList<LatencyGateResult> GateResults() =>
        [.. Classes.SelectMany(c => Gates.Select(g => g.Judge(c.Name, Samples)))];
}
