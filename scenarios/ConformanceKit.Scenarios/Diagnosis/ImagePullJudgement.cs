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
/// One of the judgements of <see cref="PodStartJudgement"/>.
/// </summary>
internal static class ImagePullJudgement
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

    private static readonly HashSet<string> Retried = new(StringComparer.Ordinal) { "ErrImagePull", "ImagePullBackOff", "RegistryUnavailable" };

    /// <summary>
    /// Why <paramref name="pod"/> can never start for an image of one of its containers, or null when it still can.
    /// <paramref name="events"/> are the namespace's, latest version of each.
    /// </summary>
    public static ImageUnavailable? Judge(V1Pod pod, IReadOnlyList<Corev1Event> events)
    {
        foreach (var (field, status) in KubeletEvents.Statuses(pod))
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
                var failures = KubeletEvents.Repeats(pod, events, "Failed", KubeletEvents.FieldPath(field, status.Name),
                    m => m.StartsWith(FailedToPull, StringComparison.Ordinal));
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
        return new ImageUnavailable(pod.Metadata.NamespaceProperty ?? "?", pod.Metadata.Name ?? "?", status.Name, image, reason, pulls,
            KubeletEvents.OneLine(message), ImageFlag.Of(pod));
    }
}
