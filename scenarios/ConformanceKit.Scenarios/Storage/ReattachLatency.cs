using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Re-attach latency after a pod deletion: the old pod gone (its DELETED event) → the container of its replacement
/// (same name, created after the old one was gone) started, seen on the observer's clock (DELETED events carry no
/// server time). A deletion whose first deletionTimestamp had grace period 0 is a force deletion.
/// </summary>
public static class ReattachLatency
{
    /// <summary>The (old, replacement) pairs of the set whose old pod was deleted in [<paramref name="deletedAt"/>, <paramref name="until"/>).</summary>
    public static IReadOnlyList<(PodHistory Old, PodHistory Fresh)> Pairs(Timeline.Timeline timeline, string setName, DateTimeOffset deletedAt, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var pods = timeline.PodsOf(setName);
        var pairs = new List<(PodHistory, PodHistory)>();
        foreach (var old in pods.Where(p => p.TerminationRequested is { } r && r.Observed >= deletedAt && (until is null || r.Observed < until) && p.Gone is not null))
        {
            var fresh = pods.FirstOrDefault(p => p.Ordinal == old.Ordinal && p.Uid != old.Uid && Instant.CompareInStream(p.Created, old.Gone!) > 0);
            if (fresh is not null)
            {
                pairs.Add((old, fresh));
            }
        }

        return pairs;
    }

    /// <summary>The grace period of the pod's first deletionTimestamp (the one the deletion request set), or null.</summary>
    public static long? FirstGracePeriod(PodHistory pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.DeletionStamps.Count > 0 ? pod.DeletionStamps[0].GracePeriodSeconds : null;
    }

    /// <summary>True when the pod's first deletionTimestamp was written with grace period 0.</summary>
    public static bool WasForced(PodHistory pod) => FirstGracePeriod(pod) == 0;

    /// <summary>One sample per replaced pod whose replacement's container started.</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, string setName, string storageClass, DateTimeOffset deletedAt, DateTimeOffset? until = null) =>
        Pairs(timeline, setName, deletedAt, until)
            .Where(p => p.Fresh.Running is not null)
            .Select(p => LatencySample.Between(
                WasForced(p.Old) ? StorageMetric.ReattachForced : StorageMetric.ReattachGraceful,
                storageClass, $"{p.Old.Label} -> {p.Fresh.Label}", p.Old.Gone!, p.Fresh.Running!, "old pod gone → new container started"))
            .ToList();
}
