using System.Globalization;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>
/// Replays the recorded watch streams (v1.26, and v1.28 by its folder path) through the product's
/// <see cref="RecordedWatch"/>, which synthesises the observer clock a recording does not carry.
/// </summary>
internal static class Recorded
{
    public static IReadOnlyList<WatchEvent<T>> Watch<T>(string folder, string file, Func<T, IEnumerable<DateTime?>> stamps, Func<string, string>? edit = null)
    {
        var lines = SharedData.Text(Parts(folder, file)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return RecordedWatch.Replay(edit is null ? lines : lines.Select(edit), stamps, string.Join('/', Parts(folder, file)));
    }

    public static IReadOnlyList<WatchEvent<V1Pod>> Pods(string folder) => Watch<V1Pod>(folder, "pods.watch.jsonl", RecordedWatch.PodStamps);

    public static IReadOnlyList<WatchEvent<V1PersistentVolumeClaim>> Claims(string folder) =>
        Watch<V1PersistentVolumeClaim>(folder, "pvcs.watch.jsonl", RecordedWatch.ClaimStamps);

    public static IReadOnlyList<WatchEvent<Corev1Event>> Events(string folder) =>
        Watch<Corev1Event>(folder, "events.watch.jsonl", RecordedWatch.EventStamps);

    public static IReadOnlyList<TimelineStep> Steps(string folder) =>
        SharedData.Text(Parts(folder, "steps.log")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => new TimelineStep(l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim(),
                DateTimeOffset.Parse(l[..l.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .ToList();

    /// <summary>A stream whose objects carry no timestamp of their own, clocked along the pod stream (<see cref="RecordedWatch.AlongPods"/>); empty when not recorded.</summary>
    public static IReadOnlyList<WatchEvent<T>> AlongPods<T>(string folder, string file) where T : IKubernetesObject<V1ObjectMeta> =>
        File.Exists(SharedData.Path(Parts(folder, file)))
            ? RecordedWatch.AlongPods(Watch<T>(folder, file, RecordedWatch.CreationStamp), Pods(folder))
            : [];

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
}
