using System.Globalization;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// A container whose main process exited is restarted in the same pod (same UID), its claim still mounted: the
/// latency is the previous run's finishedAt → the new run's startedAt (both kubelet-reported server timestamps).
/// </summary>
public static class RestartInPlace
{
    private const string Name = nameof(RestartInPlace);

    /// <summary>One sample per restart of a pod of the set whose previous run ended at or after <paramref name="from"/> and that started again.</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, string setName, string storageClass, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return timeline.PodsOf(setName)
            .SelectMany(p => p.Restarts.Where(r => r.Restarted is not null && r.Finished.Observed >= from).Select(r => (Pod: p, Restart: r)))
            .Select(x => LatencySample.Between(StorageMetric.RestartInPlace, storageClass,
                $"{x.Pod.Label} {x.Restart.Container}#{x.Restart.RestartCount}", x.Restart.Finished, x.Restart.Restarted!, "container finished → restarted in place"))
            .ToList();
    }

    /// <summary>Checks that pod <paramref name="ordinal"/>, crashed at <paramref name="crashedAt"/>, restarted in place on its claim.</summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int ordinal, DateTimeOffset crashedAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var podName = $"{setName}-{ordinal}";
        var pods = timeline.PodsOf(setName).Where(p => p.Ordinal == ordinal).ToList();
        var pod = pods.LastOrDefault(p => p.Created.Observed < crashedAt);
        var claimName = PerPodStorage.ClaimName(template, setName, ordinal);
        var facts = new List<string>();
        string? violation;
        if (pod is null)
        {
            violation = $"{podName} did not exist before the crash at {crashedAt:HH:mm:ss.fff}";
        }
        else if (pods.FirstOrDefault(p => p.Uid != pod.Uid && p.Created.Observed >= crashedAt) is { } replacement)
        {
            violation = $"{pod.Label} was replaced by a new pod {replacement.Label} instead of restarting its container in place";
        }
        else if (pod.Restarts.FirstOrDefault(r => r.Finished.Observed >= crashedAt) is not { } restart)
        {
            violation = $"{pod.Label} never restarted a container after the crash at {crashedAt:HH:mm:ss.fff}";
        }
        else
        {
            facts.Add($"{pod.Label}: container {restart.Container} finished {restart.Finished} (exit {restart.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}, {restart.Reason ?? "no reason"}), restart #{restart.RestartCount} started {restart.Restarted?.ToString() ?? "never"}");
            violation = restart.Restarted is null
                ? $"container {restart.Container} of {pod.Label} exited but did not start again"
                : ClaimViolation(timeline, pod, claimName);
        }

        return CheckResult.From(Name, violation is null ? [] : [violation],
            $"{podName} restarted its container in place (same pod UID) on claim {claimName} and the same volume", facts);
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
