namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// A partitioned (canary) update: with <c>rollingUpdate.partition: p</c>, only ordinals ≥ p move to the update revision,
/// highest first and each after the one above is Ready at it, while ordinals below p keep the current revision.
/// </summary>
public static class PartitionedUpdate
{
    private const string Name = nameof(PartitionedUpdate);

    /// <summary>
    /// Checks the window [<paramref name="changedAt"/>, <paramref name="until"/>) (observer's clock) while the partition
    /// held. The current and update revisions are those of the set's last status computed from a spec with that
    /// partition (observedGeneration ≥ generation), which must still differ.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, int partition, DateTimeOffset changedAt, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var status = timeline.StatefulSet(setName)?.Observations.LastOrDefault(o => o.Partition == partition && o.Synced);
        if (status is not { CurrentRevision: { } current, UpdateRevision: { } update })
        {
            return CheckResult.Fail(Name, $"no status of StatefulSet {setName} computed from a spec with partition {partition} was observed");
        }

        var pods = timeline.PodsOf(setName);
        var violations = new List<string>();
        var facts = new List<string> { $"status while partition {partition} held: {status.Describe()}" };
        for (var ordinal = 0; ordinal < Math.Min(partition, replicas); ordinal++)
        {
            var pod = UpdateRoll.Before(pods, ordinal, changedAt);
            if (pod is null)
            {
                violations.Add($"{setName}-{ordinal} did not exist when the template changed at {changedAt:HH:mm:ss.fff}");
            }
            else if (UpdateRoll.InWindow(pod.TerminationRequested, changedAt, until))
            {
                violations.Add($"{pod.Label} at {pod.Revision ?? "no revision"} was deleted at {pod.TerminationRequested} although partition {partition} keeps ordinals below {partition} at the current revision");
            }
            else if (pod.Revision != current)
            {
                violations.Add($"{pod.Label} carries revision {pod.Revision ?? "none"}, not the current revision {current}, while partition {partition} held");
            }
        }

        if (status.Converged)
        {
            violations.Add($"while partition {partition} held, {setName} reported currentRevision == updateRevision ({update}): every pod counted as updated, or the change made no new revision");
        }

        var moved = UpdateRoll.Check(pods, setName, replicas, partition, update, changedAt, until, violations, facts);
        if (moved.Count == 0 && partition < replicas)
        {
            violations.Add($"no pod of {setName} at or above partition {partition} was replaced after the template change at {changedAt:HH:mm:ss.fff}");
        }

        return CheckResult.From(Name, violations,
            $"with partition {partition}, only {Waves.Range(setName, Enumerable.Range(partition, Math.Max(0, replicas - partition)))} moved to {update} " +
            $"(in the order {UpdateRoll.Names(moved)}); {Waves.Range(setName, Enumerable.Range(0, Math.Min(partition, replicas)))} stayed at {current}", facts);
    }
}
