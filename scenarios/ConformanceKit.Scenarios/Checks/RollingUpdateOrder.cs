using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// The RollingUpdate strategy: after a template change, pods are replaced from the highest ordinal down; pod i is
/// deleted only after pod i+1 is Running and Ready at the update revision; at the end the set reports
/// currentRevision == updateRevision and every pod carries the update revision in its controller-revision-hash label.
/// </summary>
public static class RollingUpdateOrder
{
    private const string Name = nameof(RollingUpdateOrder);

    /// <summary>
    /// Checks the update of <paramref name="setName"/> whose template changed at <paramref name="changedAt"/>
    /// (observer's clock, like steps), counting deletions observed before <paramref name="until"/>. The update revision
    /// is the one the set's latest observed status names; pods that already carried it are expected to be left alone.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, DateTimeOffset changedAt, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.StatefulSet(setName)?.Last is not { UpdateRevision: { } updateRevision } end)
        {
            return CheckResult.Fail(Name, $"no status of StatefulSet {setName} naming an update revision was observed (the recorder must watch workloads)");
        }

        var pods = timeline.PodsOf(setName);
        var violations = new List<string>();
        var facts = new List<string> { $"latest status of {setName}: {end.Describe()}" };
        var replaced = UpdateRoll.Check(pods, setName, replicas, 0, updateRevision, changedAt, until, violations, facts);
        if (replaced.Count == 0)
        {
            violations.Add($"no pod of {setName} was replaced after the template change at {changedAt:HH:mm:ss.fff}");
        }

        if (!end.Converged)
        {
            violations.Add($"at the end {setName} reported currentRevision {end.CurrentRevision ?? "none"}, not its updateRevision {updateRevision}");
        }

        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var last = pods.LastOrDefault(p => p.Ordinal == ordinal && (until is null || StepClock.Before(p.Created, until.Value)));
            if (last is not null && last.Revision != updateRevision)
            {
                violations.Add($"at the end {last.Label} carries revision {last.Revision ?? "none"}, not the update revision {updateRevision}");
            }
        }

        var from = string.Join(", ", replaced.Select(p => p.Revision).Distinct());
        return CheckResult.From(Name, violations,
            $"{setName} rolled from {from} to {updateRevision} highest ordinal first ({UpdateRoll.Names(replaced)}), each pod deleted only once the one " +
            "above was Running and Ready at the new revision; currentRevision == updateRevision and every pod carries it", facts);
    }

    /// <summary>
    /// The held variant: the replacement of <paramref name="heldOrdinal"/> (created after <paramref name="changedAt"/>,
    /// at the update revision) is kept un-Ready until <paramref name="releasedAt"/>; meanwhile no pod of a lower
    /// ordinal may be deleted, and none may be deleted before the held pod became Ready (stream order).
    /// </summary>
    public static CheckResult CheckHeld(Timeline.Timeline timeline, string setName, int heldOrdinal, DateTimeOffset changedAt, DateTimeOffset releasedAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        const string held = Name + ".Held";
        var pods = timeline.PodsOf(setName);
        var heldPod = pods.FirstOrDefault(p => p.Ordinal == heldOrdinal && StepClock.InWindow(p.Created, changedAt, releasedAt));
        if (heldPod is null)
        {
            return CheckResult.Fail(held, $"{setName}-{heldOrdinal} was not re-created between the template change at {changedAt:HH:mm:ss.fff} and its release at {releasedAt:HH:mm:ss.fff}");
        }

        var violations = new List<string>();
        if (heldPod.Ready is { } ready && StepClock.Before(ready, releasedAt))
        {
            violations.Add($"{heldPod.Label} became Ready at {ready}, before it was released at {releasedAt:HH:mm:ss.fff}");
        }

        var lower = Enumerable.Range(0, heldOrdinal).Select(o => UpdateRoll.Before(pods, o, changedAt)).OfType<PodHistory>().ToList();
        foreach (var pod in lower)
        {
            if (pod.TerminationRequested is { } term
                && (StepClock.Before(term, releasedAt) || heldPod.Ready is null || Instant.CompareInStream(term, heldPod.Ready) < 0))
            {
                violations.Add($"{pod.Label} was deleted at {term} while {heldPod.Label} at revision {heldPod.Revision ?? "none"} was held un-Ready (released at {releasedAt:HH:mm:ss.fff})");
            }
        }

        return CheckResult.From(held, violations,
            $"while {heldPod.Label} at revision {heldPod.Revision ?? "none"} was held un-Ready, no lower pod was touched ({UpdateRoll.Names(lower)})");
    }
}
