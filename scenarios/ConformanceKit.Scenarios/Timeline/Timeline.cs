namespace ConformanceKit.Scenarios.Timeline;

/// <summary>What happened in one scenario's namespace: pods by UID, claims, events and the scenario's steps.</summary>
public sealed record Timeline
{
    /// <summary>An empty timeline.</summary>
    public static Timeline Empty { get; } = new();

    /// <summary>One history per pod UID, ordered by creation.</summary>
    public IReadOnlyList<PodHistory> Pods { get; init; } = [];

    /// <summary>One history per claim UID, ordered by creation.</summary>
    public IReadOnlyList<ClaimHistory> Claims { get; init; } = [];

    /// <summary>Namespace events in observation order.</summary>
    public IReadOnlyList<TimelineEvent> Events { get; init; } = [];

    /// <summary>What the scenario did when.</summary>
    public IReadOnlyList<TimelineStep> Steps { get; init; } = [];

    /// <summary>One history per StatefulSet UID, in order of first sight (recorded when the recorder watches workloads).</summary>
    public IReadOnlyList<StatefulSetHistory> StatefulSets { get; init; } = [];

    /// <summary>One history per ControllerRevision UID, in order of first sight.</summary>
    public IReadOnlyList<ControllerRevisionHistory> ControllerRevisions { get; init; } = [];

    /// <summary>The latest history of the StatefulSet named <paramref name="setName"/>, or null when none was observed.</summary>
    public StatefulSetHistory? StatefulSet(string setName) => StatefulSets.LastOrDefault(s => s.Name == setName);

    /// <summary>The ControllerRevisions owned by the StatefulSet named <paramref name="setName"/>, in order of first sight.</summary>
    public IReadOnlyList<ControllerRevisionHistory> RevisionsOf(string setName) =>
        ControllerRevisions.Where(r => r.Owner == setName || (r.Owner is null && r.Name.StartsWith(setName + "-", StringComparison.Ordinal))).ToList();

    /// <summary>The pods whose name is <c>&lt;setName&gt;-&lt;ordinal&gt;</c>, ordered by creation.</summary>
    public IReadOnlyList<PodHistory> PodsOf(string setName) =>
        Pods.Where(p => PodHistory.ParseOrdinal(p.Name, setName) is not null).ToList();

    /// <summary>The time of the first step whose label contains <paramref name="labelFragment"/>.</summary>
    public DateTimeOffset StepTime(string labelFragment) =>
        Steps.FirstOrDefault(s => s.Label.Contains(labelFragment, StringComparison.OrdinalIgnoreCase))?.At
        ?? throw new InvalidOperationException(
            $"no step labelled '*{labelFragment}*' among {Steps.Count} steps: {string.Join("; ", Steps.Select(s => s.Label))}");

    /// <summary>The earliest time anything in the timeline happened, or null when empty.</summary>
    public DateTimeOffset? Start => AllTimes().Select(t => (DateTimeOffset?)t).Min();

    /// <summary>The latest time anything in the timeline happened, or null when empty.</summary>
    public DateTimeOffset? End => AllTimes().Select(t => (DateTimeOffset?)t).Max();

    private IEnumerable<DateTimeOffset> AllTimes() =>
        Pods.SelectMany(p => new[] { p.Created, p.Scheduled, p.Running, p.Ready, p.TerminationRequested, p.Gone })
            .Concat(Pods.SelectMany(p => p.ReadyTransitions.Select(r => r.At)))
            .Concat(Claims.SelectMany(c => c.Phases.Select(p => p.At)))
            .OfType<Instant>()
            .Select(i => i.Best)
            .Concat(Steps.Select(s => s.At));
}
