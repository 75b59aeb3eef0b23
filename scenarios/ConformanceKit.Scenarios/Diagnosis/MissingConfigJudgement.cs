using System.Text.RegularExpressions;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Judges, from a pod's status and the namespace's events, whether the pod can never start for want of a Secret or
/// ConfigMap (or a key of one). The reasons and messages are the kubelet's: a container whose environment names a
/// missing object waits in <c>CreateContainerConfigError</c>, its <c>Failed</c> events saying
/// <c>Error: secret "x" not found</c>, <c>Error: configmap "x" not found</c> or
/// <c>Error: couldn't find key k in Secret ns/x</c>; a volume of a missing object keeps the pod Pending, its
/// <c>FailedMount</c> events saying <c>MountVolume.SetUp failed for volume "v" : secret "x" not found</c>. Each is
/// final only once the kubelet has failed on it often enough that an object created a moment after the pod (by an
/// operator among the user's documents) would have been found. One of the judgements of <see cref="PodStartJudgement"/>.
/// </summary>
internal static partial class MissingConfigJudgement
{
    /// <summary>The kubelet's waiting reason for a container whose configuration cannot be made.</summary>
    public const string CreateContainerConfigError = "CreateContainerConfigError";

    /// <summary>The kubelet's event reason for a volume that could not be mounted.</summary>
    public const string FailedMount = "FailedMount";

    /// <summary>
    /// Failed starts of one container for a missing object before it is taken as final. The kubelet tries the pod
    /// again after a failed sync 10 s later (up to half of that again as jitter, and sooner on any other change of the
    /// pod), so the third failure comes some 20-30 s after the first, as with <see cref="ImagePullJudgement.FailedPullsBeforeHopeless"/>:
    /// a Secret that an operator of the files writes within the first seconds keeps the run going.
    /// </summary>
    public const int FailedStartsBeforeHopeless = 3;

    /// <summary>
    /// Failed mounts of one volume for a missing object before it is taken as final. The kubelet's volume manager
    /// retries a failed mount after a back-off that starts at 0.5 s and doubles (up to 2 min 2 s), so failures come at
    /// 0, 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s: the seventh is some 30 s after the first, the same grace as for a
    /// container's environment, while a fourth (3.5 s) would end the run on a Secret created a moment late.
    /// </summary>
    public const int FailedMountsBeforeHopeless = 7;

    private const string Error = "Error: ";

    /// <summary>Why <paramref name="pod"/> can never start for a missing Secret or ConfigMap, or null when it still can.</summary>
    public static MissingConfigObject? Judge(V1Pod pod, IReadOnlyList<Corev1Event> events) =>
        ContainerConfig(pod, events) ?? VolumeMount(pod, events);

    private static MissingConfigObject? ContainerConfig(V1Pod pod, IReadOnlyList<Corev1Event> events)
    {
        foreach (var (field, status) in KubeletEvents.Statuses(pod))
        {
            if (status.State?.Waiting?.Reason != CreateContainerConfigError)
            {
                continue;
            }

            var failures = KubeletEvents.Repeats(pod, events, "Failed", KubeletEvents.FieldPath(field, status.Name),
                m => m.StartsWith(Error, StringComparison.Ordinal) && Missing(m) is not null);
            var count = failures.Sum(f => f.Count);
            if (count >= FailedStartsBeforeHopeless)
            {
                var part = field == "initContainers" ? $"init container {status.Name}" : $"container {status.Name}";
                return Found(pod, part, CreateContainerConfigError, count, failures[^1].Message);
            }
        }

        return null;
    }

    private static MissingConfigObject? VolumeMount(V1Pod pod, IReadOnlyList<Corev1Event> events)
    {
        // Only a pod still waiting for its volumes: once it runs, a mount failure of the past is moot.
        if (pod.Status?.Phase is not (null or "Pending"))
        {
            return null;
        }

        return KubeletEvents.Repeats(pod, events, FailedMount, null, m => Missing(m) is not null)
            .GroupBy(f => Volume().Match(f.Message) is { Success: true } v ? v.Groups["volume"].Value : f.Message, StringComparer.Ordinal)
            .Select(g => (Volume: g.Key, Count: g.Sum(f => f.Count), Message: g.Last().Message))
            .Where(g => g.Count >= FailedMountsBeforeHopeless)
            .Select(g => Found(pod, $"volume {g.Volume}", FailedMount, g.Count, g.Message))
            .FirstOrDefault();
    }

    private static MissingConfigObject Found(V1Pod pod, string part, string reason, int count, string message)
    {
        var (kind, name, key) = Missing(message)!.Value;
        return new MissingConfigObject(pod.Metadata.NamespaceProperty ?? "?", pod.Metadata.Name ?? "?", part, kind, name, key, reason, count,
            KubeletEvents.OneLine(message));
    }

    // The object (and key) a kubelet message says is missing, the first it names.
    private static (string Kind, string Name, string? Key)? Missing(string message)
    {
        if (NotFound().Match(message) is { Success: true } notFound)
        {
            return (KindOf(notFound.Groups["kind"].Value), notFound.Groups["name"].Value, null);
        }

        return NoKey().Match(message) is { Success: true } noKey
            ? (KindOf(noKey.Groups["kind"].Value), noKey.Groups["name"].Value, noKey.Groups["key"].Value)
            : null;
    }

    private static string KindOf(string word) => word.StartsWith("secret", StringComparison.OrdinalIgnoreCase) ? "Secret" : "ConfigMap";

    // The API's NotFound of the kubelet's object managers: `secret "x" not found` (its plural where the kubelet asks
    // the API server directly).
    [GeneratedRegex(@"\b(?<kind>secrets?|configmaps?) ""(?<name>[^""]+)"" not found")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"couldn't find key (?<key>\S+) in (?<kind>Secret|ConfigMap) (?:[^/\s]+/)?(?<name>[^\s,\]]+)")]
    private static partial Regex NoKey();

    [GeneratedRegex(@"for volume ""(?<volume>[^""]+)""")]
    private static partial Regex Volume();
}
