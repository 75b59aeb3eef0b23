using System.Globalization;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// Watch streams recorded as newline-delimited JSON (one watch event per line, as the API server sends them), replayed
/// with an observer clock they do not carry: each event counts as observed at the latest server timestamp its object
/// holds plus 999 ms (server stamps are truncated to the second, so the real moment lies within that second), and
/// never before the stream's previous event (+1 ms). Bookmarks and ERROR events are left out.
/// </summary>
public static class RecordedWatch
{
    /// <summary>The events of <paramref name="lines"/> (named <paramref name="source"/> in errors), clocked by <paramref name="stamps"/>.</summary>
    public static IReadOnlyList<WatchEvent<T>> Replay<T>(IEnumerable<string> lines, Func<T, IEnumerable<DateTime?>> stamps, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(stamps);
        var events = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var raw = Parse<T>(line, source, number);
            if (raw.Type is WatchEventType.Bookmark or WatchEventType.Error || raw.Object is null)
            {
                continue;
            }

            var latest = stamps(raw.Object).OfType<DateTime>().Select(t => new DateTimeOffset(t, TimeSpan.Zero)).DefaultIfEmpty(clock).Max();
            clock = clock == DateTimeOffset.MinValue ? latest.AddMilliseconds(999) : Max(clock.AddMilliseconds(1), latest.AddMilliseconds(999));
            events.Add(new WatchEvent<T>(raw.Type, raw.Object, null, clock));
        }

        return events;
    }

    /// <summary>A pod's server stamps: creation, its conditions' transitions, and the moment its deletion was asked for.</summary>
    public static IEnumerable<DateTime?> PodStamps(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return (pod.Status?.Conditions ?? []).Select(c => c.LastTransitionTime)
            .Append(pod.Metadata?.CreationTimestamp)
            .Append(pod.Metadata?.DeletionTimestamp - TimeSpan.FromSeconds(pod.Metadata?.DeletionGracePeriodSeconds ?? 0));
    }

    /// <summary>A claim's server stamps: creation and deletion.</summary>
    public static IEnumerable<DateTime?> ClaimStamps(V1PersistentVolumeClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return [claim.Metadata?.CreationTimestamp, claim.Metadata?.DeletionTimestamp];
    }

    /// <summary>An event's server stamp: its last (else event, else first) timestamp.</summary>
    public static IEnumerable<DateTime?> EventStamps(Corev1Event recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return [recorded.LastTimestamp ?? recorded.EventTime ?? recorded.FirstTimestamp];
    }

    /// <summary>An object's creation stamp alone (StatefulSets, ControllerRevisions: their status carries no time).</summary>
    public static IEnumerable<DateTime?> CreationStamp<T>(T item) where T : IKubernetesObject<V1ObjectMeta> => [item?.Metadata?.CreationTimestamp];

    /// <summary>
    /// Re-clocks a stream whose objects carry no timestamp of their own (a StatefulSet's status, a ControllerRevision)
    /// from the pod stream by the API server's storage order: each event is observed 1 ms after the last pod event
    /// the server stored before it (the resourceVersions of one etcd are ordered), never before the previous event.
    /// </summary>
    public static IReadOnlyList<WatchEvent<T>> AlongPods<T>(IReadOnlyList<WatchEvent<T>> events, IReadOnlyList<WatchEvent<V1Pod>> pods)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(pods);
        var stored = pods.Select(p => (Version: Version(p.Object!), p.ObservedAt)).ToList();
        var clocked = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        foreach (var e in events)
        {
            var version = Version(e.Object!);
            var before = stored.LastOrDefault(p => p.Version < version);
            var at = before.Version == 0 ? e.ObservedAt : before.ObservedAt.AddMilliseconds(1);
            clock = clock == DateTimeOffset.MinValue ? at : Max(clock.AddMilliseconds(1), at);
            clocked.Add(e with { ObservedAt = clock });
        }

        return clocked;
    }

    private static Watcher<T>.WatchEvent Parse<T>(string line, string source, int number)
    {
        try
        {
            return KubernetesJson.Deserialize<Watcher<T>.WatchEvent>(line);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new InvalidDataException($"{source} line {number}: not a watch event (one JSON object per line with type and object): {error.Message}", error);
        }
    }

    private static long Version(IKubernetesObject<V1ObjectMeta> item) =>
        long.TryParse(item.Metadata?.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
