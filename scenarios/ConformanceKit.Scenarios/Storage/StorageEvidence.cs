namespace ConformanceKit.Scenarios.Storage;

/// <summary>What a storage scenario measured on its class, carried in its report record and merged per class by the run report.</summary>
/// <param name="Class">The class, as the server stored it.</param>
/// <param name="Samples">Every latency sample the scenario took.</param>
/// <param name="Gates">The run's p95 gates (none when not asked for).</param>
public sealed record StorageEvidence(StorageClassProfile Class, IReadOnlyList<LatencySample> Samples, IReadOnlyList<LatencyGate> Gates);
