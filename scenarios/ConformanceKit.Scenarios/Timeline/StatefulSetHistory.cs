namespace ConformanceKit.Scenarios.Timeline;

/// <summary>Everything observed about one StatefulSet (one UID): every version its watch delivered.</summary>
public sealed record StatefulSetHistory
{
    /// <summary>The set's name.</summary>
    public required string Name { get; init; }

    /// <summary>The set's UID.</summary>
    public required string Uid { get; init; }

    /// <summary>creationTimestamp (server) and first sight (observer).</summary>
    public required Instant Created { get; init; }

    /// <summary>Every version observed, in stream order.</summary>
    public IReadOnlyList<StatefulSetObservation> Observations { get; init; } = [];

    /// <summary>The DELETED event (observer's clock only).</summary>
    public Instant? Gone { get; init; }

    /// <summary>The latest version observed, or null.</summary>
    public StatefulSetObservation? Last => Observations.Count > 0 ? Observations[^1] : null;
}
