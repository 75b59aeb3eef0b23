using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>The mutable history of one pod UID while watch events arrive.</summary>
internal sealed class PodState(string uid, string name, Instant created)
{
    private readonly List<ReadyTransition> readyTransitions = [];
    private readonly List<PhaseChange> phases = [];
    private readonly List<DeletionStamp> deletionStamps = [];
    private readonly List<string> ips = [];
    private readonly ContainerRestartTracker restarts = new();
    private Instant? scheduled;
    private Instant? running;
    private Instant? ready;
    private Instant? terminationRequested;
    private Instant? gone;
    private string? node;
    private string? hostname;
    private string? subdomain;
    private IReadOnlyList<string> claimNames = [];
    private string? revision;

    public void Apply(V1Pod pod, WatchEventType type, DateTimeOffset observed, long sequence)
    {
        node = pod.Spec?.NodeName ?? node;
        hostname = pod.Spec?.Hostname ?? hostname;
        subdomain = pod.Spec?.Subdomain ?? subdomain;
        revision = pod.Metadata.Label(PodHistory.RevisionLabel) ?? revision;
        if (pod.Spec?.Volumes is { } volumes)
        {
            claimNames = volumes.Select(v => v.PersistentVolumeClaim?.ClaimName).OfType<string>().ToList();
        }

        ApplyStatus(pod.Status, observed, sequence);
        ApplyDeletion(pod.Metadata, observed, sequence);
        if (type == WatchEventType.Deleted)
        {
            gone ??= new Instant(null, observed, sequence);
        }
    }

    private void ApplyStatus(V1PodStatus? status, DateTimeOffset observed, long sequence)
    {
        if (status is null)
        {
            return;
        }

        if (status.Phase is { } phase && (phases.Count == 0 || phases[^1].Phase != phase))
        {
            phases.Add(new PhaseChange(phase, new Instant(null, observed, sequence)));
        }

        restarts.Apply(status.ContainerStatuses, observed, sequence);
        var conditions = status.Conditions ?? [];
        var scheduledCondition = conditions.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "True");
        if (scheduled is null && scheduledCondition is not null)
        {
            scheduled = new Instant(scheduledCondition.LastTransitionTime, observed, sequence);
        }

        if (running is null && status.Phase == "Running")
        {
            running = new Instant(RunningEvidence(status, conditions), observed, sequence);
        }

        if (conditions.FirstOrDefault(c => c.Type == "Ready") is { } readyCondition)
        {
            var isReady = readyCondition.Status == "True";
            if (readyTransitions.Count == 0 || readyTransitions[^1].Ready != isReady)
            {
                var at = new Instant(readyCondition.LastTransitionTime, observed, sequence);
                readyTransitions.Add(new ReadyTransition(isReady, at));
                ready ??= isReady ? at : null;
            }
        }

        var seen = (status.PodIPs ?? []).Select(p => p.Ip).Append(status.PodIP).OfType<string>();
        foreach (var ip in seen.Where(ip => ip.Length > 0 && !ips.Contains(ip)))
        {
            ips.Add(ip);
        }
    }

    private static DateTimeOffset? RunningEvidence(V1PodStatus status, IEnumerable<V1PodCondition> conditions)
    {
        var started = (status.ContainerStatuses ?? [])
            .Select(c => c.State?.Running?.StartedAt)
            .OfType<DateTime>().Select(t => new DateTimeOffset(t, TimeSpan.Zero))
            .ToList();
        if (started.Count > 0)
        {
            return started.Min();
        }

        return conditions.FirstOrDefault(c => c.Type == "ContainersReady" && c.Status == "True")?.LastTransitionTime
            ?? conditions.FirstOrDefault(c => c.Type == "Ready" && c.Status == "True")?.LastTransitionTime;
    }

    private void ApplyDeletion(V1ObjectMeta meta, DateTimeOffset observed, long sequence)
    {
        if (meta.DeletionTimestamp is not { } stamp)
        {
            return;
        }

        if (deletionStamps.Count == 0 || deletionStamps[^1].Timestamp != stamp
            || deletionStamps[^1].GracePeriodSeconds != meta.DeletionGracePeriodSeconds)
        {
            deletionStamps.Add(new DeletionStamp(stamp, meta.DeletionGracePeriodSeconds, observed));
        }

        terminationRequested ??= new Instant(
            stamp - TimeSpan.FromSeconds(meta.DeletionGracePeriodSeconds ?? 0), observed, sequence);
    }

    public PodHistory ToHistory() => new()
    {
        Name = name,
        Uid = uid,
        Ordinal = PodHistory.ParseOrdinal(name),
        Revision = revision,
        Created = created,
        Scheduled = scheduled,
        Running = running,
        Ready = ready,
        ReadyTransitions = [.. readyTransitions],
        Phases = [.. phases],
        TerminationRequested = terminationRequested,
        DeletionStamps = [.. deletionStamps],
        Gone = gone,
        Ips = [.. ips],
        Node = node,
        Hostname = hostname,
        Subdomain = subdomain,
        ClaimNames = claimNames,
        Restarts = restarts.Restarts,
    };
}
