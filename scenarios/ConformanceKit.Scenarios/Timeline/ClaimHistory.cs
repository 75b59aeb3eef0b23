namespace ConformanceKit.Scenarios.Timeline;

/// <summary>Everything observed about one PersistentVolumeClaim (one UID).</summary>
public sealed record ClaimHistory
{
    /// <summary>The annotation the scheduler puts on a WaitForFirstConsumer claim once it chose the consumer's node.</summary>
    public const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";

    /// <summary>The claim's name.</summary>
    public required string Name { get; init; }

    /// <summary>The claim's UID.</summary>
    public required string Uid { get; init; }

    /// <summary>creationTimestamp (server) and first sight (observer).</summary>
    public required Instant Created { get; init; }

    /// <summary>spec.storageClassName.</summary>
    public string? StorageClass { get; init; }

    /// <summary>Every phase change, in observation order.</summary>
    public IReadOnlyList<PhaseChange> Phases { get; init; } = [];

    /// <summary>Every distinct spec.volumeName seen, in order (more than one would mean a re-bind).</summary>
    public IReadOnlyList<string> VolumeNames { get; init; } = [];

    /// <summary>Every owner reference seen (<c>Kind/Name</c>, e.g. <c>StatefulSet/web</c> or <c>Pod/web-2</c>), in order of first sight.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>When the claim was first seen carrying <see cref="SelectedNodeAnnotation"/> (observer's clock only).</summary>
    public Instant? NodeSelected { get; init; }

    /// <summary>First deletionTimestamp seen (claims have no grace period).</summary>
    public Instant? TerminationRequested { get; init; }

    /// <summary>The DELETED event (observer's clock only).</summary>
    public Instant? Gone { get; init; }

    /// <summary>The last phase seen, or null.</summary>
    public string? Phase => Phases.Count > 0 ? Phases[^1].Phase : null;

    /// <summary>The last bound volume name seen, or null.</summary>
    public string? VolumeName => VolumeNames.Count > 0 ? VolumeNames[^1] : null;

    /// <summary>The phase the claim had at <paramref name="at"/> (observer's clock), or null if not yet seen.</summary>
    public string? PhaseAt(DateTimeOffset at) => Phases.LastOrDefault(p => p.At.Observed <= at)?.Phase;
}
