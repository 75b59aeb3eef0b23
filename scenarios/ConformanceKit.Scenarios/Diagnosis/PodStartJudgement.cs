using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Judges, from the pods and the namespace's events, whether a pod can never start, so that a wait for it ends at
/// once with the reason instead of waiting out its step timeout: an image its kubelet cannot have (the reference
/// does not parse, it is absent under imagePullPolicy Never, or three pulls failed), or a Secret or ConfigMap (or a
/// key of one) that its containers' environment or its volumes name and its namespace does not hold, once the
/// kubelet has failed on it for some 30 s. A pod going away is not judged. A pod that does not exist can never start
/// either when its StatefulSet's controller cannot create it: the API server has refused it (PodSecurity, a quota or
/// LimitRange, a missing ServiceAccount, an admission webhook) for some 30 s of the controller's retries.
/// </summary>
public static class PodStartJudgement
{
    /// <summary>
    /// The first pod (by name) of <paramref name="pods"/>, the namespace's, that can never start, or null; else the
    /// first pod its StatefulSet cannot create (<see cref="PodNotCreated"/>), or null.
    /// </summary>
    public static PodCannotStart? Judge(IEnumerable<V1Pod> pods, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(events);
        var existing = pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        return existing.Select(p => Judge(p, events)).FirstOrDefault(u => u is not null) ?? CreateRefusalJudgement.Judge(existing, events);
    }

    /// <summary>
    /// Why <paramref name="pod"/> can never start, or null when it still can (or is going away).
    /// <paramref name="events"/> are the namespace's, latest version of each.
    /// </summary>
    public static PodCannotStart? Judge(V1Pod pod, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(events);
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }

        return (PodCannotStart?)ImagePullJudgement.Judge(pod, events) ?? MissingConfigJudgement.Judge(pod, events);
    }
}
