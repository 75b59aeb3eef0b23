using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// <c>rollingUpdate.maxUnavailable</c>: during the update at most that many of the set's ordinals are unavailable at
/// once (no pod, a pod not Ready, or a terminating pod, as the controller counts them), and the update completes.
/// </summary>
public static class MaxUnavailable
{
    private const string Name = nameof(MaxUnavailable);

    /// <summary>
    /// Replays the pod stream in order and counts unavailable ordinals after each fact observed in
    /// [<paramref name="changedAt"/>, <paramref name="until"/>); the peak must not exceed <paramref name="maxUnavailable"/>,
    /// and at the end every ordinal's pod carries the update revision of the set's latest status.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, int maxUnavailable, DateTimeOffset changedAt,
        DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.StatefulSet(setName)?.Last is not { UpdateRevision: { } update })
        {
            return CheckResult.Fail(Name, $"no status of StatefulSet {setName} naming an update revision was observed (the recorder must watch workloads)");
        }

        var pods = timeline.PodsOf(setName);
        var (peak, at, which) = Availability.Peak(pods, setName, replicas, changedAt, until);
        var violations = new List<string>();
        if (peak > maxUnavailable)
        {
            violations.Add($"{peak} pods of {setName} were unavailable at once at {at} ({which}), more than maxUnavailable {maxUnavailable}");
        }

        if (!pods.Any(p => UpdateRoll.InWindow(p.TerminationRequested, changedAt, until) && p.Revision != update))
        {
            violations.Add($"no pod of {setName} was replaced after the template change at {changedAt:HH:mm:ss.fff}");
        }

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var last = pods.LastOrDefault(p => p.Ordinal == ordinal && (until is null || StepClock.Before(p.Created, until.Value)));
            if (last?.Revision != update)
            {
                violations.Add($"at the end {last?.Label ?? $"{setName}-{ordinal} (none)"} carries revision {last?.Revision ?? "none"}, not the update revision {update}");
            }
        }

        var peakFact = peak == 0 ? "no pod was unavailable" : $"peak {peak} unavailable at {at}: {which}";
        return CheckResult.From(Name, violations,
            $"at most {peak} of {replicas} pods of {setName} were unavailable at once while it rolled to {update} (maxUnavailable {maxUnavailable})", [peakFact]);
    }
}
