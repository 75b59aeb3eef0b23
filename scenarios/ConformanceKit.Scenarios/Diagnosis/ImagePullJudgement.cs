using System.Text.RegularExpressions;
using ConformanceKit.Scenarios.Manifests;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Judges, from a pod's container statuses and the namespace's events, whether the pod can never start for want of
/// an image. The waiting reasons are the kubelet's: InvalidImageName (the reference does not parse) and
/// ErrImageNeverPull (absent with imagePullPolicy Never) are final at once, the kubelet never tries again;
/// ErrImagePull, ImagePullBackOff and RegistryUnavailable (a pull that failed, the back-off before the next try, a
/// runtime that says the registry cannot be reached) are final only after <see cref="FailedPullsBeforeHopeless"/>
/// failed pulls, counted from the kubelet's <c>Failed</c> events "Failed to pull image …" on that pod and container.
/// </summary>
public static partial class ImagePullJudgement
{
    /// <summary>The kubelet's waiting reason for an image reference that does not parse.</summary>
    public const string InvalidImageName = "InvalidImageName";

    /// <summary>The kubelet's waiting reason for an absent image under imagePullPolicy Never.</summary>
    public const string ErrImageNeverPull = "ErrImageNeverPull";

    /// <summary>
    /// Failed pulls of one container's image before a pull error is taken as final. The kubelet retries a failed pull
    /// after a back-off that starts at 10 s and doubles up to 5 minutes, so the third failure comes some 30 s after the
    /// first: one transient failure (a registry hiccup, then success 10 s later) or two (a registry restarting) stay
    /// below it, while a name the registry does not have or a registry the cluster cannot reach passes it well inside
    /// a 3-minute step timeout.
    /// </summary>
    public const int FailedPullsBeforeHopeless = 3;

    private const string FailedToPull = "Failed to pull image";

    // What the kubelet's event recorder puts before a message once it merges similar events of one object.
    private const string Combined = "(combined from similar events): ";

    private static readonly HashSet<string> Retried = new(StringComparer.Ordinal) { "ErrImagePull", "ImagePullBackOff", "RegistryUnavailable" };

    /// <summary>The first pod (by name) of <paramref name="pods"/> that can never start for its image, or null.</summary>
    public static ImageUnavailable? Judge(IEnumerable<V1Pod> pods, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(pods);
        return pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(p => Judge(p, events)).FirstOrDefault(u => u is not null);
    }

    /// <summary>
    /// Why <paramref name="pod"/> can never start for an image of one of its containers, or null when it still can
    /// (or is going away). <paramref name="events"/> are the namespace's, latest version of each.
    /// </summary>
    public static ImageUnavailable? Judge(V1Pod pod, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(events);
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }

        var statuses = (pod.Status?.InitContainerStatuses ?? []).Select(s => (Field: "initContainers", Status: s))
            .Concat((pod.Status?.ContainerStatuses ?? []).Select(s => (Field: "containers", Status: s)));
        foreach (var (field, status) in statuses)
        {
            if (status.State?.Waiting is not { Reason: { } reason } waiting)
            {
                continue;
            }

            if (reason is InvalidImageName or ErrImageNeverPull)
            {
                return Unavailable(pod, status, reason, 0, waiting.Message);
            }

            if (Retried.Contains(reason))
            {
                var failures = PullFailures(pod, $"spec.{field}{{{status.Name}}}", events);
                var count = failures.Sum(f => f.Count);
                if (count >= FailedPullsBeforeHopeless)
                {
                    return Unavailable(pod, status, reason, count, failures[^1].Message);
                }
            }
        }

        return null;
    }

    private static ImageUnavailable Unavailable(V1Pod pod, V1ContainerStatus status, string reason, int pulls, string? message)
    {
        var image = string.IsNullOrEmpty(status.Image)
            ? (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []).FirstOrDefault(c => c.Name == status.Name)?.Image ?? "?"
            : status.Image;
        var said = Whitespace().Replace(message ?? "", " ").Trim();
        return new ImageUnavailable(pod.Metadata.NamespaceProperty ?? "?", pod.Metadata.Name ?? "?", status.Name, image, reason, pulls,
            said.Length == 0 ? "no message" : said, ImageFlag.Of(pod));
    }

    // The kubelet's failed pulls of this incarnation of the pod (same UID) and this container, oldest first, each
    // with its repeat count (the event's count, or its series' count where the recorder writes a series instead).
    private static List<(int Count, string Message)> PullFailures(V1Pod pod, string fieldPath, IReadOnlyList<Corev1Event> events) =>
        events
            .Select((e, i) => (Event: e, Index: i, Message: Unmerged(e.Message)))
            .Where(x => x.Event.Reason == "Failed"
                && x.Message.StartsWith(FailedToPull, StringComparison.Ordinal)
                && x.Event.InvolvedObject is { Kind: "Pod" } about
                && about.Name == pod.Metadata.Name
                && (string.IsNullOrEmpty(about.Uid) || string.IsNullOrEmpty(pod.Metadata.Uid) || about.Uid == pod.Metadata.Uid)
                && (string.IsNullOrEmpty(about.FieldPath) || about.FieldPath == fieldPath))
            .OrderBy(x => x.Event.Series?.LastObservedTime ?? x.Event.LastTimestamp ?? x.Event.EventTime ?? x.Event.FirstTimestamp ?? DateTime.MinValue)
            .ThenBy(x => x.Index)
            .Select(x => (Math.Max(1, Math.Max(x.Event.Count ?? 0, x.Event.Series?.Count ?? 0)), x.Message))
            .ToList();

    private static string Unmerged(string? message) =>
        message is null ? "" : message.StartsWith(Combined, StringComparison.Ordinal) ? message[Combined.Length..] : message;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
