using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>Follows containerStatuses of one pod UID and records each in-place restart (restartCount going up).</summary>
internal sealed class ContainerRestartTracker
{
    private readonly List<ContainerRestart> restarts = [];
    private readonly Dictionary<string, (DateTimeOffset At, long Sequence)> endSeen = new(StringComparer.Ordinal);

    public IReadOnlyList<ContainerRestart> Restarts => [.. restarts];

    public void Apply(IEnumerable<V1ContainerStatus>? statuses, DateTimeOffset observed, long sequence)
    {
        foreach (var status in statuses ?? [])
        {
            var name = status.Name ?? "";
            var count = status.RestartCount;
            if (status.State?.Terminated is not null)
            {
                // The run that ended is the one numbered by the current restartCount; its restart is count + 1.
                endSeen.TryAdd($"{name}#{count + 1}", (observed, sequence));
            }

            if (count == 0 || status.LastState?.Terminated is not { } last)
            {
                continue;
            }

            var index = restarts.FindIndex(r => r.Container == name && r.RestartCount == count);
            if (index < 0)
            {
                var seenApart = endSeen.TryGetValue($"{name}#{count}", out var seen);
                var (seenAt, seenSequence) = seenApart ? seen : (observed, sequence);
                restarts.Add(new ContainerRestart(name, count, new Instant(last.FinishedAt, seenAt, seenSequence), null, last.ExitCode, last.Reason,
                    last.ContainerID, EndSeenAsTerminated: seenApart));
                index = restarts.Count - 1;
            }

            if (restarts[index].Restarted is null && status.State?.Running is { } running)
            {
                restarts[index] = restarts[index] with { Restarted = new Instant(running.StartedAt, observed, sequence), ContainerId = status.ContainerID };
            }
        }
    }
}
