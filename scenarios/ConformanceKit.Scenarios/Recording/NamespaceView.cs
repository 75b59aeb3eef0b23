using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// What the recorder knows about its namespace right after one watch event: the current object of every pod and
/// claim (by name), the events so far, and the timeline built from everything observed.
/// </summary>
public sealed class NamespaceView
{
    private readonly Lazy<Timeline.Timeline> _timeline;
    private readonly Lazy<PodCannotStart?> _cannotStart;

    internal NamespaceView(
        IReadOnlyDictionary<string, V1Pod> pods,
        IReadOnlyDictionary<string, V1PersistentVolumeClaim> claims,
        IReadOnlyList<Corev1Event> events,
        Func<Timeline.Timeline> timeline)
    {
        Pods = pods;
        Claims = claims;
        Events = events;
        _timeline = new Lazy<Timeline.Timeline>(timeline, LazyThreadSafetyMode.ExecutionAndPublication);
        _cannotStart = new Lazy<PodCannotStart?>(() => PodStartJudgement.Judge(pods.Values, events), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Pods that exist now (terminating ones included), by name.</summary>
    public IReadOnlyDictionary<string, V1Pod> Pods { get; }

    /// <summary>Claims that exist now, by name.</summary>
    public IReadOnlyDictionary<string, V1PersistentVolumeClaim> Claims { get; }

    /// <summary>Every namespace event seen, latest version of each.</summary>
    public IReadOnlyList<Corev1Event> Events { get; }

    /// <summary>The timeline of everything observed up to this view.</summary>
    public Timeline.Timeline Timeline => _timeline.Value;

    /// <summary>
    /// The first pod (by name) that can never start, for an image its kubelet cannot have or a Secret or ConfigMap
    /// its namespace does not hold, else the first that its StatefulSet cannot create because the API server refuses
    /// it (<see cref="PodStartJudgement"/>), or null; terminating pods are not judged.
    /// </summary>
    public PodCannotStart? CannotStart => _cannotStart.Value;

    /// <summary>True when the pod's Ready condition is True and it is not terminating.</summary>
    public static bool IsReady(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    /// <summary>
    /// True when the pod is held un-Ready by its readiness probe: phase Running, not terminating, every container
    /// running, and the Ready condition reported False. Unlike a probe's Unhealthy event (which the kubelet's event
    /// recorder may aggregate, rate-limit or drop), this is the pod's own status and is always written.
    /// </summary>
    public static bool IsHeldUnready(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.DeletionTimestamp is null
            && pod.Status is { Phase: "Running", ContainerStatuses: { Count: > 0 } containers } status
            && containers.All(c => c.State?.Running is not null)
            && status.Conditions?.Any(c => c.Type == "Ready" && c.Status == "False") == true;
    }

    /// <summary>True when each named claim exists, is Bound and names its volume (spec.volumeName).</summary>
    public bool ClaimsBound(IEnumerable<string> claimNames) =>
        claimNames.All(n => Claims.TryGetValue(n, out var c) && c.Status?.Phase == "Bound" && !string.IsNullOrEmpty(c.Spec?.VolumeName));

    /// <summary>The pods whose name is <c>&lt;setName&gt;-&lt;ordinal&gt;</c>, by ordinal.</summary>
    public IReadOnlyDictionary<int, V1Pod> PodsOf(string setName) =>
        Pods.Values
            .Select(p => (Pod: p, Ordinal: ConformanceKit.Scenarios.Timeline.PodHistory.ParseOrdinal(p.Metadata.Name ?? "", setName)))
            .Where(x => x.Ordinal is not null)
            .ToDictionary(x => x.Ordinal!.Value, x => x.Pod);

    /// <summary>True when pods <c>setName-0..replicas-1</c> all exist, are Ready, and no other ordinal exists.</summary>
    public bool AllReady(string setName, int replicas)
    {
        var pods = PodsOf(setName);
        return pods.Count == replicas && Enumerable.Range(0, replicas).All(i => pods.TryGetValue(i, out var p) && IsReady(p));
    }

    /// <summary>
    /// One line per pod and claim: name, short UID, phase, Ready, terminating, and for a Pending claim the Pending
    /// diagnosis from the namespace's events (binding mode inferred from them); for timeout messages.
    /// </summary>
    public string Describe()
    {
        var pods = Pods.Values.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Select(p =>
            $"pod {p.Metadata.Name} uid={Short(p.Metadata.Uid)} phase={p.Status?.Phase ?? "?"} ready={IsReady(p)}"
            + (p.Metadata.DeletionTimestamp is null ? "" : " terminating"));
        var claims = Claims.Values.OrderBy(c => c.Metadata.Name, StringComparer.Ordinal).Select(c =>
            $"pvc {c.Metadata.Name} phase={c.Status?.Phase ?? "?"} volume={c.Spec?.VolumeName ?? "-"}"
            + (c.Status?.Phase == "Pending" ? $" ({PendingDiagnosis.Explain(c, Events, pod: PodOf(c))})" : ""));
        var lines = pods.Concat(claims).ToList();
        return lines.Count == 0 ? "(no pods, no claims)" : string.Join("; ", lines);
    }

    // The pod whose name ends the claim's name (<template>-<pod>), when it exists.
    private V1Pod? PodOf(V1PersistentVolumeClaim claim) =>
        Pods.Values.FirstOrDefault(p => claim.Metadata.Name?.EndsWith("-" + p.Metadata.Name, StringComparison.Ordinal) == true);

    private static string Short(string? uid) => uid is { Length: > 8 } ? uid[..8] : uid ?? "?";
}
