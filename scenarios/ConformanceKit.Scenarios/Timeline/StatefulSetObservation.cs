namespace ConformanceKit.Scenarios.Timeline;

/// <summary>
/// One version of a StatefulSet as a watch delivered it: the spec's generation and update strategy, and the status the
/// controller last wrote (which revision is current, which is being rolled out, how many pods carry each).
/// </summary>
public sealed record StatefulSetObservation
{
    /// <summary>When the watch delivered it (observer's clock and stream order; the status carries no server time).</summary>
    public required Instant At { get; init; }

    /// <summary>metadata.generation: bumped by every spec change.</summary>
    public long? Generation { get; init; }

    /// <summary>status.observedGeneration: the generation the controller's last status write was computed from.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>spec.replicas.</summary>
    public int? Replicas { get; init; }

    /// <summary>spec.updateStrategy.type (<c>RollingUpdate</c> or <c>OnDelete</c>; null when the server wrote none).</summary>
    public string? StrategyType { get; init; }

    /// <summary>spec.updateStrategy.rollingUpdate.partition.</summary>
    public int? Partition { get; init; }

    /// <summary>spec.updateStrategy.rollingUpdate.maxUnavailable as stored (null when the server dropped it).</summary>
    public string? MaxUnavailable { get; init; }

    /// <summary>status.readyReplicas.</summary>
    public int? ReadyReplicas { get; init; }

    /// <summary>status.currentReplicas: pods at the current revision.</summary>
    public int? CurrentReplicas { get; init; }

    /// <summary>status.updatedReplicas: pods at the update revision.</summary>
    public int? UpdatedReplicas { get; init; }

    /// <summary>status.currentRevision: the ControllerRevision the set's pods had before the update began.</summary>
    public string? CurrentRevision { get; init; }

    /// <summary>status.updateRevision: the ControllerRevision of the current template.</summary>
    public string? UpdateRevision { get; init; }

    /// <summary>True when the controller's status was computed from this very spec (observedGeneration ≥ generation).</summary>
    public bool Synced => Generation is { } g && ObservedGeneration >= g;

    /// <summary>True when no update is pending: currentRevision equals updateRevision.</summary>
    public bool Converged => CurrentRevision is not null && CurrentRevision == UpdateRevision;

    /// <summary>One line for messages, e.g. <c>generation 2 (observed 2), current web-74cf54d79, update web-84d84cd6db, 3 ready, 1 updated</c>.</summary>
    public string Describe() =>
        $"generation {Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} (observed {ObservedGeneration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}), " +
        $"current {CurrentRevision ?? "none"}, update {UpdateRevision ?? "none"}, {ReadyReplicas ?? 0} ready, {UpdatedReplicas ?? 0} updated";
}
