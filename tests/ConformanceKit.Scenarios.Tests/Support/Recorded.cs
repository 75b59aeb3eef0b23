using System.Globalization;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>
/// Replays the recorded watch streams (v1.26, and v1.28 by its folder path). The recording has no observer clock, so one is synthesised: each
/// event is "observed" at the latest server timestamp it carries plus 999 ms (server stamps are truncated to the
/// second, so the real moment lies within that second), never before the previous event (+1 ms).
/// </summary>
internal static class Recorded
{
    public static IReadOnlyList<WatchEvent<T>> Watch<T>(string folder, string file, Func<T, IEnumerable<DateTime?>> stamps, Func<string, string>? edit = null)
    {
        var events = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        foreach (var recorded in SharedData.Text(Parts(folder, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = edit is null ? recorded : edit(recorded);
            var raw = KubernetesJson.Deserialize<Watcher<T>.WatchEvent>(line);
            var type = raw.Type;
            if (type is WatchEventType.Bookmark or WatchEventType.Error)
            {
                continue;
            }

            var obj = raw.Object;
            var latest = stamps(obj).OfType<DateTime>().Select(t => new DateTimeOffset(t, TimeSpan.Zero)).DefaultIfEmpty(clock).Max();
            clock = clock == DateTimeOffset.MinValue ? latest.AddMilliseconds(999) : Max(clock.AddMilliseconds(1), latest.AddMilliseconds(999));
            events.Add(new WatchEvent<T>(type, obj, null, clock));
        }

        return events;
    }

    public static IReadOnlyList<WatchEvent<V1Pod>> Pods(string folder) => Watch<V1Pod>(folder, "pods.watch.jsonl", p =>
        (p.Status?.Conditions ?? []).Select(c => c.LastTransitionTime)
            .Append(p.Metadata.CreationTimestamp)
            .Append(p.Metadata.DeletionTimestamp - TimeSpan.FromSeconds(p.Metadata.DeletionGracePeriodSeconds ?? 0)));

    public static IReadOnlyList<WatchEvent<V1PersistentVolumeClaim>> Claims(string folder) =>
        Watch<V1PersistentVolumeClaim>(folder, "pvcs.watch.jsonl", c => [c.Metadata.CreationTimestamp, c.Metadata.DeletionTimestamp]);

    public static IReadOnlyList<WatchEvent<Corev1Event>> Events(string folder) =>
        Watch<Corev1Event>(folder, "events.watch.jsonl", e => [e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp]);

    public static IReadOnlyList<TimelineStep> Steps(string folder) =>
        SharedData.Text(Parts(folder, "steps.log")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => new TimelineStep(l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim(),
                DateTimeOffset.Parse(l[..l.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .ToList();

    /// <summary>
    /// A stream whose objects carry no timestamp of their own (a StatefulSet's status, a ControllerRevision's number),
    /// stamped from the pod stream by the API server's storage order: each event is "observed" 1 ms after the last pod
    /// event the server stored before it (resourceVersions of one etcd are ordered), never before the previous event.
    /// Empty when the folder did not record that stream.
    /// </summary>
    public static IReadOnlyList<WatchEvent<T>> AlongPods<T>(string folder, string file) where T : IKubernetesObject<V1ObjectMeta>
    {
        if (!File.Exists(SharedData.Path(Parts(folder, file))))
        {
            return [];
        }

        var pods = Pods(folder).Select(p => (Version: long.Parse(p.Object!.Metadata.ResourceVersion!, CultureInfo.InvariantCulture), p.ObservedAt)).ToList();
        var events = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        foreach (var e in Watch<T>(folder, file, o => [o.Metadata.CreationTimestamp]))
        {
            var version = long.Parse(e.Object!.Metadata.ResourceVersion!, CultureInfo.InvariantCulture);
            var before = pods.LastOrDefault(p => p.Version < version);
            var at = before.Version == 0 ? e.ObservedAt : before.ObservedAt.AddMilliseconds(1);
            clock = clock == DateTimeOffset.MinValue ? at : Max(clock.AddMilliseconds(1), at);
            events.Add(e with { ObservedAt = clock });
        }

        return events;
    }

    public static IReadOnlyList<WatchEvent<V1StatefulSet>> StatefulSets(string folder) =>
        AlongPods<V1StatefulSet>(folder, "statefulsets.watch.jsonl");

    public static IReadOnlyList<WatchEvent<V1ControllerRevision>> ControllerRevisions(string folder) =>
        AlongPods<V1ControllerRevision>(folder, "controllerrevisions.watch.jsonl");

    /// <summary>The timeline built from a recorded folder's pods, claims, events and steps (and StatefulSets and ControllerRevisions when recorded).</summary>
    public static Timeline.Timeline Timeline(string folder)
    {
        var builder = new TimelineBuilder();
        foreach (var e in Pods(folder)) builder.Observe(e);
        foreach (var e in Claims(folder)) builder.Observe(e);
        foreach (var e in Events(folder)) builder.Observe(e);
        foreach (var e in StatefulSets(folder)) builder.Observe(e);
        foreach (var e in ControllerRevisions(folder)) builder.Observe(e);
        foreach (var s in Steps(folder)) builder.MarkStep(s.Label, s.At);
        return builder.Build();
    }

    /// <summary>
    /// The path of a recorded file: <paramref name="folder"/> is a scenario of <c>recorded-k8s-1.26/</c> (e.g.
    /// <c>ordered-lifecycle</c>), or a path below the shared folder naming its recording (<c>recorded-k8s-1.28/liveness-restart</c>).
    /// </summary>
    public static string[] Parts(string folder, string file) =>
        folder.Contains('/', StringComparison.Ordinal) ? [.. folder.Split('/'), file] : ["recorded-k8s-1.26", folder, file];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
