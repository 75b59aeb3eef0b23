using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Bind latency of every claim of the class that became Bound. Immediate classes: PVC created → Bound.
/// WaitForFirstConsumer classes bind only once the scheduler chose the consumer's node (and the pod's PodScheduled
/// condition turns True only after the volume is bound), so the clock starts at that choice: when the claim was first
/// seen with the selected-node annotation; for a claim bound without one (a pre-provisioned volume), when its
/// consumer pod was created. Phases carry no server time, so both ends are the observer's clock.
/// </summary>
public static class BindLatency
{
    /// <summary>One sample per Bound claim of <paramref name="storageClass"/> (claims with no class name count as the class asked for).</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, StorageClassProfile storageClass)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(storageClass);
        var samples = new List<LatencySample>();
        foreach (var claim in timeline.Claims.Where(c => c.StorageClass is null || c.StorageClass == storageClass.Name))
        {
            if (claim.Phases.FirstOrDefault(p => p.Phase == "Bound") is not { } bound)
            {
                continue;
            }

            var (from, span) = Start(timeline, claim, storageClass, bound.At);
            samples.Add(LatencySample.Between(StorageMetric.Bind, storageClass.Name, claim.Name, from, bound.At, span));
        }

        return samples;
    }

    private static (Instant From, string Span) Start(Timeline.Timeline timeline, ClaimHistory claim, StorageClassProfile storageClass, Instant bound)
    {
        if (!storageClass.WaitsForFirstConsumer)
        {
            return (claim.Created, "PVC created → Bound");
        }

        if (claim.NodeSelected is { } selected)
        {
            return (selected, "scheduler chose the node (selected-node) → Bound; WaitForFirstConsumer");
        }

        var consumer = timeline.Pods.LastOrDefault(p => p.ClaimNames.Contains(claim.Name) && !bound.IsBefore(p.Created));
        return consumer is null
            ? (claim.Created, "PVC created → Bound; WaitForFirstConsumer, no consumer pod seen")
            : (consumer.Created, "consumer pod created → Bound; WaitForFirstConsumer, no selected-node seen");
    }
}
