using System.Globalization;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// A container killed from outside (its liveness probe tripped: the kubelet sends SIGTERM, then SIGKILL after the grace
/// period) is restarted in the same pod, its claim still mounted: same pod UID, restartCount one up, a new containerID,
/// the same claim and volume. The latency is the previous run's end → the new run's start: on the observer's clock
/// (millisecond precision) when the watch delivered the end and the start in separate events, else on the
/// kubelet's finishedAt/startedAt stamps (whole seconds), and each sample says which.
/// </summary>
public static class RestartInPlace
{
    private const string Name = nameof(RestartInPlace);
    private const string Span = "container finished → restarted in place";

    /// <summary>One sample per restart of a pod of the set whose previous run ended at or after <paramref name="from"/> and that started again.</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, string setName, string storageClass, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return timeline.PodsOf(setName)
            .SelectMany(p => p.Restarts.Where(r => r.Restarted is not null && r.Finished.Observed >= from).Select(r => (Pod: p, Restart: r)))
            .Select(x => Sample(storageClass, $"{x.Pod.Label} {x.Restart.Container}#{x.Restart.RestartCount}", x.Restart))
            .ToList();
    }

    /// <summary>
    /// The sample of one restart: observer's clock on both ends when the end was seen apart from the start
    /// (<see cref="ContainerRestart.EndSeenApart"/>), else server stamps on both ends (never mixing the clocks).
    /// </summary>
    public static LatencySample Sample(string storageClass, string subject, ContainerRestart restart)
    {
        ArgumentNullException.ThrowIfNull(restart);
        var restarted = restart.Restarted ?? throw new ArgumentException("the restart has not started again", nameof(restart));
        return restart.EndSeenApart
            ? new(StorageMetric.RestartInPlace, storageClass, subject, (restarted.Observed - restart.Finished.Observed).TotalSeconds, ClockSource.Observed, Span)
            : LatencySample.Between(StorageMetric.RestartInPlace, storageClass, subject, restart.Finished, restarted, Span);
    }

    /// <summary>
    /// Checks that pod <paramref name="ordinal"/>, whose liveness probe was tripped at <paramref name="trippedAt"/>
    /// (observer's clock), restarted its container in place on its claim exactly once; only what was observed before
    /// <paramref name="until"/> counts (e.g. the end of the scenario, before its namespace is deleted).
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int ordinal, DateTimeOffset trippedAt, DateTimeOffset? until = null)
    {
        var end = until ?? DateTimeOffset.MaxValue;
        ArgumentNullException.ThrowIfNull(timeline);
        var podName = $"{setName}-{ordinal}";
        var pods = timeline.PodsOf(setName).Where(p => p.Ordinal == ordinal).ToList();
        var pod = pods.LastOrDefault(p => p.Created.Observed < trippedAt);
        var claimName = PerPodStorage.ClaimName(template, setName, ordinal);
        var facts = new List<string>();
        string? violation;
        if (pod is null)
        {
            violation = $"{podName} did not exist before its liveness probe was tripped at {trippedAt:HH:mm:ss.fff}";
        }
        else if (pods.FirstOrDefault(p => p.Uid != pod.Uid && p.Created.Observed >= trippedAt && p.Created.Observed < end) is { } replacement)
        {
            violation = $"{pod.Label} was replaced by a new pod {replacement.Label} (pod UID changed) instead of restarting its container in place";
        }
        else if (pod.Restarts.FirstOrDefault(r => r.Finished.Observed >= trippedAt && r.Finished.Observed < end) is not { } restart)
        {
            violation = DeletedBefore(pod, trippedAt, end, null)
                ?? $"{pod.Label} never restarted a container after its liveness probe was tripped at {trippedAt:HH:mm:ss.fff} (restartCount did not go up)";
        }
        else
        {
            facts.Add(Describe(pod, restart));
            violation = DeletedBefore(pod, trippedAt, end, restart.Restarted) ?? RestartViolation(pod, restart, trippedAt) ?? ClaimViolation(timeline, pod, claimName);
        }

        facts.AddRange(KubeletEvents(timeline, podName, trippedAt));
        return CheckResult.From(Name, violation is null ? [] : [violation],
            $"{podName} restarted its container in place (same pod UID, restartCount + 1, new container) on claim {claimName} and the same volume", facts);
    }

    /// <summary>A deletion of the pod requested after the trip and before its new container started (or at all, when none did).</summary>
    private static string? DeletedBefore(PodHistory pod, DateTimeOffset trippedAt, DateTimeOffset end, Instant? restarted) =>
        pod.TerminationRequested is { } requested && requested.Observed >= trippedAt && requested.Observed < end && (restarted is null || Instant.CompareInStream(requested, restarted) < 0)
            ? $"{pod.Label} was deleted at {requested} instead of restarting its container in place"
            : null;

    private static string? RestartViolation(PodHistory pod, ContainerRestart restart, DateTimeOffset trippedAt)
    {
        var before = pod.Restarts.Where(r => r.Container == restart.Container && r.Finished.Observed < trippedAt).Select(r => r.RestartCount).DefaultIfEmpty(0).Max();
        if (restart.RestartCount != before + 1)
        {
            return $"container {restart.Container} of {pod.Label} went from restartCount {before} to {restart.RestartCount}: it restarted more than once";
        }

        if (restart.Restarted is null)
        {
            return $"container {restart.Container} of {pod.Label} exited but did not start again";
        }

        return restart.PreviousContainerId is { } old && restart.ContainerId is { } fresh && old == fresh
            ? $"container {restart.Container} of {pod.Label} reports restartCount {restart.RestartCount} but runs the same container {Short(fresh)}: no new container was started"
            : null;
    }

    private static string Describe(PodHistory pod, ContainerRestart restart) =>
        $"{pod.Label}: container {restart.Container} {Short(restart.PreviousContainerId)} finished {restart.Finished} " +
        $"(exit {restart.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}, {restart.Reason ?? "no reason"}), " +
        $"restart #{restart.RestartCount} {Short(restart.ContainerId)} started {restart.Restarted?.ToString() ?? "never"}";

    /// <summary>What the kubelet said about the pod after the trip (Unhealthy, Killing), as facts.</summary>
    private static IEnumerable<string> KubeletEvents(Timeline.Timeline timeline, string podName, DateTimeOffset trippedAt) =>
        timeline.Events
            .Where(e => e.InvolvedKind == "Pod" && e.InvolvedName == podName && e.Reason is "Unhealthy" or "Killing"
                && e.At.Observed >= trippedAt && e.Message.Contains("iveness", StringComparison.Ordinal))
            .Select(e => $"event {e.Reason} on {podName} at {e.At}: {e.Message.Trim()}");

    /// <summary>The first 12 characters of the runtime's ID, without its scheme (<c>containerd://</c>).</summary>
    private static string Short(string? containerId)
    {
        if (containerId is null)
        {
            return "(id not reported)";
        }

        var scheme = containerId.IndexOf("://", StringComparison.Ordinal);
        var id = scheme < 0 ? containerId : containerId[(scheme + 3)..];
        return id.Length > 12 ? id[..12] : id;
    }

    private static string? ClaimViolation(Timeline.Timeline timeline, PodHistory pod, string claimName)
    {
        if (!pod.ClaimNames.Contains(claimName))
        {
            return $"{pod.Label} mounts [{string.Join(", ", pod.ClaimNames)}], expected {claimName}";
        }

        var claims = timeline.Claims.Where(c => c.Name == claimName).ToList();
        return claims.Count != 1 ? $"claim {claimName} was {(claims.Count == 0 ? "never seen" : "re-created")}"
            : claims[0].VolumeNames.Count != 1 ? $"claim {claimName} changed volume: {string.Join(" -> ", claims[0].VolumeNames)}"
            : null;
    }
}
