namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Attach+mount latency: for every pod of the set that mounts a claim, PodScheduled=True → its first container
/// started (containerStatuses startedAt; the kubelet starts containers only once the volumes are attached and mounted).
/// </summary>
public static class AttachLatency
{
    /// <summary>One sample per pod incarnation of <paramref name="setName"/> with a claim that was scheduled and started.</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, string setName, string storageClass)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return timeline.PodsOf(setName)
            .Where(p => p.ClaimNames.Count > 0 && p.Scheduled is not null && p.Running is not null)
            .Select(p => LatencySample.Between(StorageMetric.AttachMount, storageClass, p.Label, p.Scheduled!, p.Running!, "pod scheduled → container started"))
            .ToList();
    }
}
