using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// The OnDelete strategy: a template change replaces no pod, even once a controller sync has seen it; a pod the test
/// deletes, seen at the current revision before the deletion, comes back at the update revision, and the others keep
/// the current revision.
/// </summary>
public static class OnDeleteUpdate
{
    private const string Name = nameof(OnDeleteUpdate);

    /// <summary>
    /// Checks a template change at <paramref name="changedAt"/> that produced <paramref name="generation"/>, then the
    /// deletion of <paramref name="deletedOrdinal"/> at <paramref name="deletedAt"/>, up to <paramref name="until"/>
    /// (observer's clock). The first status with observedGeneration ≥ generation is the sync that saw the change; it
    /// names the current and update revisions and must have arrived before the deletion. The pod the test deleted must
    /// have been at the current revision before the deletion: one already at the update revision proves nothing by coming back at it.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, DateTimeOffset changedAt, long generation,
        int deletedOrdinal, DateTimeOffset deletedAt, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var sync = timeline.StatefulSet(setName)?.Observations.FirstOrDefault(o => o.ObservedGeneration >= generation);
        if (sync is not { CurrentRevision: { } current, UpdateRevision: { } update })
        {
            return CheckResult.Fail(Name, $"the controller never reported observedGeneration ≥ {generation} for {setName}: no sync was seen to observe the template change");
        }

        var pods = timeline.PodsOf(setName);
        var violations = new List<string>();
        var facts = new List<string> { $"first status after the change: {sync.Describe()}, seen {sync.At}" };
        foreach (var pod in pods.Where(p => UpdateRoll.InWindow(p.TerminationRequested, changedAt, deletedAt)).OrderBy(p => p.TerminationRequested!, UpdateRoll.InStream))
        {
            violations.Add($"{pod.Label} was deleted at {pod.TerminationRequested}, after the template change and before the test deleted any pod: OnDelete replaces no pod by itself");
        }

        foreach (var pod in pods.Where(p => UpdateRoll.InWindow(p.Created, changedAt, deletedAt)))
        {
            violations.Add($"{pod.Label} was created at {pod.Created}, after the template change and before the test deleted any pod");
        }

        if (sync.Converged)
        {
            violations.Add($"the sync of generation {generation} reported currentRevision == updateRevision ({update}): the template change made no pending revision");
        }

        if (StepClock.NotBefore(sync.At, deletedAt))
        {
            violations.Add($"the first status of generation {generation} was seen at {sync.At}, not before the test deleted a pod at {deletedAt:HH:mm:ss.fff}");
        }

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var pod = UpdateRoll.Before(pods, ordinal, ordinal == deletedOrdinal ? deletedAt : changedAt);
            if (pod is null)
            {
                violations.Add($"{setName}-{ordinal} did not exist when the test {(ordinal == deletedOrdinal ? "deleted it" : "changed the template")}");
            }
            else if (ordinal == deletedOrdinal)
            {
                Replaced(pods, pod, current, update, deletedAt, until, violations, facts);
            }
            else if (UpdateRoll.InWindow(pod.TerminationRequested, deletedAt, until))
            {
                violations.Add($"{pod.Label} was deleted at {pod.TerminationRequested} although the test deleted only {setName}-{deletedOrdinal}");
            }
            else if (pod.Revision != current)
            {
                violations.Add($"{pod.Label} carries revision {pod.Revision ?? "none"}, not the current revision {current}");
            }
        }

        return CheckResult.From(Name, violations,
            $"after the template change (generation {generation}, seen synced at {sync.At}) no pod was replaced; the deleted {setName}-{deletedOrdinal} " +
            $"came back at {update} and the others stayed at {current}", facts);
    }

    private static void Replaced(IReadOnlyList<PodHistory> pods, PodHistory old, string current, string update, DateTimeOffset deletedAt, DateTimeOffset? until,
        List<string> violations, List<string> facts)
    {
        if (old.Revision != current)
        {
            violations.Add($"{old.Label}, the pod the test deleted at {deletedAt:HH:mm:ss.fff}, carried revision {old.Revision ?? "none"} before the deletion, " +
                $"not the current revision {current}: it was already updated, so its coming back at {update} proves nothing");
        }

        if (!UpdateRoll.InWindow(old.TerminationRequested, deletedAt, until))
        {
            violations.Add($"{old.Label} was not deleted after {deletedAt:HH:mm:ss.fff} (deletion requested {old.TerminationRequested?.ToString() ?? "never"})");
            return;
        }

        var fresh = UpdateRoll.ReplacementOf(pods, old);
        facts.Add($"{old.Label} at {old.Revision ?? "no revision"} deleted {old.TerminationRequested}; back as {fresh?.Label ?? "nothing"} at {fresh?.Revision ?? "-"}");
        if (fresh is null)
        {
            violations.Add($"{old.Label} was deleted at {old.TerminationRequested} but did not come back");
        }
        else if (fresh.Revision != update)
        {
            violations.Add($"{fresh.Label} came back at revision {fresh.Revision ?? "none"}, not the update revision {update}");
        }
    }
}
