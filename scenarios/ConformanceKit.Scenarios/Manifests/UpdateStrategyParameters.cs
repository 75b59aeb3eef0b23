namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// What a scenario chooses about a StatefulSet's spec.updateStrategy. v1.26 lets an update change updateStrategy
/// (and the template) of a stored set, so re-applying the manifest with another partition is allowed.
/// </summary>
public sealed record UpdateStrategyParameters
{
    /// <summary>The strategy's type.</summary>
    public UpdateStrategyType Type { get; init; } = UpdateStrategyType.RollingUpdate;

    /// <summary>rollingUpdate.partition: ordinals below it keep the current revision (RollingUpdate only); null: omitted.</summary>
    public int? Partition { get; init; }

    /// <summary>
    /// rollingUpdate.maxUnavailable (RollingUpdate only; alpha gate MaxUnavailableStatefulSet since v1.24, so servers
    /// without the gate drop it: read the stored object back); null: omitted.
    /// </summary>
    public int? MaxUnavailable { get; init; }

    /// <summary>RollingUpdate, optionally with a partition and a maxUnavailable.</summary>
    public static UpdateStrategyParameters RollingUpdate(int? partition = null, int? maxUnavailable = null) =>
        new() { Partition = partition, MaxUnavailable = maxUnavailable };

    /// <summary>OnDelete.</summary>
    public static UpdateStrategyParameters OnDelete { get; } = new() { Type = UpdateStrategyType.OnDelete };
}
