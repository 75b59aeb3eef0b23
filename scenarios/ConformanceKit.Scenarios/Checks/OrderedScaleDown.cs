using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>OrderedReady scale-down: the highest ordinal goes first, each only after the one above it is gone.</summary>
public static class OrderedScaleDown
{
    private const string Name = nameof(OrderedScaleDown);

    /// <summary>
    /// Checks a scale from <paramref name="replicasBefore"/> to <paramref name="replicasAfter"/> whose deletions
    /// fall in [<paramref name="from"/>, <paramref name="until"/>) (step marks, see <see cref="StepClock"/>): ordinals replicasAfter..replicasBefore-1
    /// are deleted highest first, and pod i's deletion is requested no earlier than pod i+1 is gone.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicasBefore, int replicasAfter,
        DateTimeOffset from, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var deleted = timeline.PodsOf(setName)
            .Where(p => StepClock.InWindow(p.TerminationRequested, from, until))
            .ToList();
        var violations = new List<string>();
        var facts = deleted.Select(p => $"{p.Label} deletion requested {p.TerminationRequested}, gone {p.Gone?.ToString() ?? "never"}").ToList();
        var byOrdinal = new Dictionary<int, PodHistory>();
        foreach (var pod in deleted)
        {
            if (pod.Ordinal is not { } ordinal || ordinal < replicasAfter || ordinal >= replicasBefore)
            {
                violations.Add($"{pod.Label} was deleted at {pod.TerminationRequested} although a scale from {replicasBefore} to {replicasAfter} keeps it");
            }
            else if (!byOrdinal.TryAdd(ordinal, pod))
            {
                violations.Add($"{setName}-{ordinal} was deleted twice during the scale-down ({byOrdinal[ordinal].Label}, {pod.Label})");
            }
        }

        for (var ordinal = replicasBefore - 1; ordinal >= replicasAfter; ordinal--)
        {
            if (!byOrdinal.TryGetValue(ordinal, out var pod))
            {
                violations.Add($"{setName}-{ordinal} was never deleted during the scale from {replicasBefore} to {replicasAfter}");
                continue;
            }

            if (!byOrdinal.TryGetValue(ordinal + 1, out var higher))
            {
                continue;
            }

            if (higher.Gone is null)
            {
                violations.Add($"{pod.Label} deletion was requested at {pod.TerminationRequested} while {higher.Label} was never gone");
            }
            else if (pod.TerminationRequested!.IsBefore(higher.Gone))
            {
                violations.Add($"{pod.Label} deletion was requested at {pod.TerminationRequested}, before {higher.Label} was gone at {higher.Gone}");
            }
        }

        return CheckResult.From(Name, violations,
            $"{Waves.Range(setName, byOrdinal.Keys)} were removed highest ordinal first, each after the one above was gone", facts);
    }
}
