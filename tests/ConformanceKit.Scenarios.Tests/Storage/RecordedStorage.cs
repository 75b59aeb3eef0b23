using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>
/// The recorded timelines for storage latencies: like <see cref="Recorded.Timeline"/>, but the synthesised observer
/// clock of the pod stream also respects the containers' startedAt/finishedAt stamps (a container start cannot be seen
/// before the kubelet stamped it), so "observed" re-attach latencies on the recordings are not shortened by the replay.
/// Claims carry no status timestamps: their observed bind latencies are the replay's few milliseconds.
/// </summary>
internal static class RecordedStorage
{
    private static readonly Dictionary<string, Timeline.Timeline> Cache = new(StringComparer.Ordinal);

    public static Timeline.Timeline Timeline(string folder)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(folder, out var timeline))
            {
                timeline = Build(folder);
                Cache[folder] = timeline;
            }

            return timeline;
        }
    }

    /// <summary>The timeline of a recording whose pod stream lines were edited first (for negative controls); not cached.</summary>
    public static Timeline.Timeline Timeline(string folder, Func<string, string> editPodLine) => Build(folder, editPodLine);

    private static Timeline.Timeline Build(string folder, Func<string, string>? editPodLine = null)
    {
        var builder = new TimelineBuilder();
        foreach (var e in Recorded.Watch<V1Pod>(folder, "pods.watch.jsonl", Stamps, editPodLine)) builder.Observe(e);
        foreach (var e in Recorded.Claims(folder)) builder.Observe(e);
        foreach (var e in Recorded.Events(folder)) builder.Observe(e);
        foreach (var s in Recorded.Steps(folder)) builder.MarkStep(s.Label, s.At);
        return builder.Build();
    }

    private static IEnumerable<DateTime?> Stamps(V1Pod pod) =>
        (pod.Status?.Conditions ?? []).Select(c => c.LastTransitionTime)
            .Concat((pod.Status?.ContainerStatuses ?? []).SelectMany(c => new[]
            {
                c.State?.Running?.StartedAt, c.State?.Terminated?.FinishedAt, c.LastState?.Terminated?.FinishedAt,
            }))
            .Append(pod.Metadata.CreationTimestamp)
            .Append(pod.Metadata.DeletionTimestamp - TimeSpan.FromSeconds(pod.Metadata.DeletionGracePeriodSeconds ?? 0));
}
