namespace ConformanceKit.Scenarios.Timeline;

/// <summary>Everything observed about one ControllerRevision (one UID): its hash, owner and revision numbers.</summary>
public sealed record ControllerRevisionHistory
{
    /// <summary>The revision's name, <c>&lt;set&gt;-&lt;hash&gt;</c>: what pods carry in their controller-revision-hash label.</summary>
    public required string Name { get; init; }

    /// <summary>The revision's UID (a re-created revision under the same name has a new one).</summary>
    public required string Uid { get; init; }

    /// <summary>creationTimestamp (server) and first sight (observer).</summary>
    public required Instant Created { get; init; }

    /// <summary>The <c>controller.kubernetes.io/hash</c> label.</summary>
    public string? Hash { get; init; }

    /// <summary>The name of the StatefulSet that owns it (its controller owner reference).</summary>
    public string? Owner { get; init; }

    /// <summary>Every distinct revision number observed, in stream order.</summary>
    public IReadOnlyList<RevisionNumber> Numbers { get; init; } = [];

    /// <summary>The DELETED event (observer's clock only).</summary>
    public Instant? Gone { get; init; }

    /// <summary>The latest revision number observed, or null.</summary>
    public long? Number => Numbers.Count > 0 ? Numbers[^1].Number : null;
}
