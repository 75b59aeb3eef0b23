using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Parsing;

/// <summary>One pod incarnation as seen in <c>kubectl get pods -w</c> lines.</summary>
internal sealed class WatchLinePod(string name, int incarnation, Instant firstSeen)
{
    private readonly List<PhaseChange> phases = [];
    private readonly List<ReadyTransition> readyTransitions = [];
    private Instant? scheduled;
    private Instant? running;
    private Instant? ready;
    private Instant? terminating;
    private TimeSpan? lastAge;

    public string Name => name;

    public bool Ends(TimeSpan? age, string status) =>
        (terminating is not null && status != "Terminating") || (age is { } a && lastAge is { } last && a < last);

    public void Apply(string readyColumn, string status, TimeSpan? age, Instant at)
    {
        lastAge = age ?? lastAge;
        if (phases.Count == 0 || phases[^1].Phase != status)
        {
            phases.Add(new PhaseChange(status, at));
        }

        if (status is "ContainerCreating" or "Running")
        {
            scheduled ??= at;
        }

        if (status == "Running")
        {
            running ??= at;
        }

        if (status == "Terminating")
        {
            terminating ??= at;
        }

        var counts = readyColumn.Split('/');
        var isReady = counts.Length == 2 && counts[0] == counts[1] && counts[0] != "0";
        if (readyTransitions.Count == 0 || readyTransitions[^1].Ready != isReady)
        {
            readyTransitions.Add(new ReadyTransition(isReady, at));
            ready ??= isReady ? at : null;
        }
    }

    public PodHistory ToHistory() => new()
    {
        Name = name,
        Uid = $"{name}#{incarnation}",
        Ordinal = PodHistory.ParseOrdinal(name),
        Created = firstSeen,
        Scheduled = scheduled,
        Running = running,
        Ready = ready,
        ReadyTransitions = [.. readyTransitions],
        Phases = [.. phases],
        TerminationRequested = terminating,
    };
}
