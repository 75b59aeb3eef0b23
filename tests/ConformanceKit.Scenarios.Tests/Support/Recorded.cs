using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using ConformanceKit.Kube.Models;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>
/// Replays the recorded watch streams (v1.26, and v1.28 by its folder path). The recording has no observer clock, so one is synthesised: each
/// event is "observed" at the latest server timestamp it carries plus 999 ms (server stamps are truncated to the
/// second, so the real moment lies within that second), never before the previous event (+1 ms).
/// </summary>
internal static class Recorded
{
    public static IReadOnlyList<WatchEvent<T>> Watch<T>(
        string folder, string file, JsonTypeInfo<T> typeInfo, Func<T, IEnumerable<DateTimeOffset?>> stamps, Func<string, string>? edit = null)
    {
        var events = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        foreach (var recorded in SharedData.Text(Parts(folder, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = edit is null ? recorded : edit(recorded);
            var raw = KubeJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(line), KubeJson.Context.RawWatchEvent);
            var type = Enum.Parse<WatchEventType>(raw.Type, ignoreCase: true);
            if (type is WatchEventType.Bookmark or WatchEventType.Error)
            {
                continue;
            }

            var obj = KubeJson.Deserialize(raw.Object, typeInfo);
            var latest = stamps(obj).OfType<DateTimeOffset>().DefaultIfEmpty(clock).Max();
            clock = clock == DateTimeOffset.MinValue ? latest.AddMilliseconds(999) : Max(clock.AddMilliseconds(1), latest.AddMilliseconds(999));
            events.Add(new WatchEvent<T>(type, obj, null, clock));
        }

        return events;
    }

    public static IReadOnlyList<WatchEvent<Pod>> Pods(string folder) => Watch(folder, "pods.watch.jsonl", KubeJson.Context.Pod, p =>
        (p.Status?.Conditions ?? []).Select(c => c.LastTransitionTime)
            .Append(p.Metadata.CreationTimestamp)
            .Append(p.Metadata.DeletionTimestamp - TimeSpan.FromSeconds(p.Metadata.DeletionGracePeriodSeconds ?? 0)));

    public static IReadOnlyList<WatchEvent<PersistentVolumeClaim>> Claims(string folder) =>
        Watch(folder, "pvcs.watch.jsonl", KubeJson.Context.PersistentVolumeClaim, c => [c.Metadata.CreationTimestamp, c.Metadata.DeletionTimestamp]);

    public static IReadOnlyList<WatchEvent<Event>> Events(string folder) =>
        Watch(folder, "events.watch.jsonl", KubeJson.Context.Event, e => [e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp]);

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
    public static IReadOnlyList<WatchEvent<T>> AlongPods<T>(string folder, string file, JsonTypeInfo<T> typeInfo) where T : IKubeResource<T>
    {
        if (!File.Exists(SharedData.Path(Parts(folder, file))))
        {
            return [];
        }

        var pods = Pods(folder).Select(p => (Version: long.Parse(p.Object!.Metadata.ResourceVersion!, CultureInfo.InvariantCulture), p.ObservedAt)).ToList();
        var events = new List<WatchEvent<T>>();
        var clock = DateTimeOffset.MinValue;
        foreach (var e in Watch(folder, file, typeInfo, o => [o.Metadata.CreationTimestamp]))
        {
            var version = long.Parse(e.Object!.Metadata.ResourceVersion!, CultureInfo.InvariantCulture);
            var before = pods.LastOrDefault(p => p.Version < version);
            var at = before.Version == 0 ? e.ObservedAt : before.ObservedAt.AddMilliseconds(1);
            clock = clock == DateTimeOffset.MinValue ? at : Max(clock.AddMilliseconds(1), at);
            events.Add(e with { ObservedAt = clock });
        }

        return events;
    }

    public static IReadOnlyList<WatchEvent<StatefulSet>> StatefulSets(string folder) =>
        AlongPods(folder, "statefulsets.watch.jsonl", KubeJson.Context.StatefulSet);

    public static IReadOnlyList<WatchEvent<ControllerRevision>> ControllerRevisions(string folder) =>
        AlongPods(folder, "controllerrevisions.watch.jsonl", KubeJson.Context.ControllerRevision);

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
