namespace ConformanceKit.Scenarios.Timeline;

/// <summary>Everything observed about one pod incarnation (one UID), from creation to gone.</summary>
public sealed record PodHistory
{
    /// <summary>The pod's name.</summary>
    public required string Name { get; init; }

    /// <summary>The pod's UID (each re-creation under the same name has a new one).</summary>
    public required string Uid { get; init; }

    /// <summary>The ordinal parsed from <c>&lt;set&gt;-&lt;n&gt;</c>, or null when the name has no numeric suffix.</summary>
    public int? Ordinal { get; init; }

    /// <summary>The label a StatefulSet's controller puts on each pod: the name of the ControllerRevision it was made from.</summary>
    public const string RevisionLabel = "controller-revision-hash";

    /// <summary>The pod's <see cref="RevisionLabel"/> (e.g. <c>web-84d84cd6db</c>), or null when it has none.</summary>
    public string? Revision { get; init; }

    /// <summary>creationTimestamp (server) and when the pod was first seen (observer).</summary>
    public required Instant Created { get; init; }

    /// <summary>PodScheduled=True: the condition's lastTransitionTime and when it was seen.</summary>
    public Instant? Scheduled { get; init; }

    /// <summary>First phase Running; server time from the earliest container startedAt when known.</summary>
    public Instant? Running { get; init; }

    /// <summary>First Ready=True transition.</summary>
    public Instant? Ready { get; init; }

    /// <summary>Every Ready condition change, in observation order.</summary>
    public IReadOnlyList<ReadyTransition> ReadyTransitions { get; init; } = [];

    /// <summary>Every phase change, in observation order.</summary>
    public IReadOnlyList<PhaseChange> Phases { get; init; } = [];

    /// <summary>When deletion was requested: the first deletionTimestamp seen minus its grace period.</summary>
    public Instant? TerminationRequested { get; init; }

    /// <summary>The raw deletionTimestamps as the server wrote and rewrote them.</summary>
    public IReadOnlyList<DeletionStamp> DeletionStamps { get; init; } = [];

    /// <summary>The DELETED event (observer's clock only: the server gives no timestamp).</summary>
    public Instant? Gone { get; init; }

    /// <summary>Every pod IP seen, in order.</summary>
    public IReadOnlyList<string> Ips { get; init; } = [];

    /// <summary>The node the pod ran on.</summary>
    public string? Node { get; init; }

    /// <summary>spec.hostname.</summary>
    public string? Hostname { get; init; }

    /// <summary>spec.subdomain.</summary>
    public string? Subdomain { get; init; }

    /// <summary>Claim names of the pod's persistentVolumeClaim volumes.</summary>
    public IReadOnlyList<string> ClaimNames { get; init; } = [];

    /// <summary>Every in-place container restart (restartCount going up), in order.</summary>
    public IReadOnlyList<ContainerRestart> Restarts { get; init; } = [];

    /// <summary>The first 8 characters of the UID, for labels.</summary>
    public string ShortUid => Uid.Length > 8 ? Uid[..8] : Uid;

    /// <summary>The last IP seen, if any.</summary>
    public string? CurrentIp => Ips.Count > 0 ? Ips[^1] : null;

    /// <summary>The pod's name and short UID, e.g. <c>web-1 (1173eb16)</c>.</summary>
    public string Label => $"{Name} ({ShortUid})";

    /// <summary>Parses the ordinal of <c>&lt;set&gt;-&lt;n&gt;</c>; null when the name does not have that shape.</summary>
    public static int? ParseOrdinal(string podName, string? setName = null)
    {
        ArgumentNullException.ThrowIfNull(podName);
        var dash = podName.LastIndexOf('-');
        if (dash <= 0 || dash == podName.Length - 1)
        {
            return null;
        }

        if (setName is not null && !string.Equals(podName[..dash], setName, StringComparison.Ordinal))
        {
            return null;
        }

        var suffix = podName[(dash + 1)..];
        if (suffix.Length > 1 && suffix[0] == '0')
        {
            return null;
        }

        return suffix.All(char.IsAsciiDigit) && int.TryParse(suffix, out var n) ? n : null;
    }
}
