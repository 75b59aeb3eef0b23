namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// A pod that can never start because a Secret or ConfigMap it references is not in its namespace (or lacks the key
/// it asks for), as <see cref="PodStartJudgement"/> found it; <see cref="Line"/> says so and what to do.
/// </summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name.</param>
/// <param name="Part">What needs it: <c>container main</c>, <c>init container setup</c> or <c>volume config</c>.</param>
/// <param name="Kind"><c>Secret</c> or <c>ConfigMap</c>.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Key">The key the object lacks, or null when the object itself is missing.</param>
/// <param name="Reason">What the kubelet says: <c>CreateContainerConfigError</c> (a container's env) or <c>FailedMount</c> (a volume).</param>
/// <param name="Failures">How often the kubelet failed on it, by its events.</param>
/// <param name="KubeletMessage">The kubelet's own last word on it, whitespace collapsed.</param>
public sealed record MissingConfigObject(
    string Namespace, string Pod, string Part, string Kind, string Name, string? Key, string Reason, int Failures, string KubeletMessage)
    : PodCannotStart(Namespace, Pod)
{
    /// <summary>One line: the pod, what needs the object, the object (and key), the kubelet's message and what to do.</summary>
    public override string Line
    {
        get
        {
            var tries = Reason == MissingConfigJudgement.FailedMount ? "failed mounts" : "failed starts";
            var said = $"({Reason}, {Failures} {tries}; kubelet: '{KubeletMessage}')";
            return Key is null
                ? $"pod {Namespace}/{Pod} cannot start: its {Part} needs {Kind} \"{Name}\", which namespace {Namespace} does not hold {said}; "
                    + $"add the {Kind} to the files given with --workload-manifest (CK_WORKLOAD_MANIFEST): each test applies only them into a namespace of its own"
                : $"pod {Namespace}/{Pod} cannot start: its {Part} needs key \"{Key}\" of {Kind} \"{Name}\", which that {Kind} does not hold {said}; "
                    + $"add the key to the {Kind} in the files given with --workload-manifest (CK_WORKLOAD_MANIFEST), or mark the reference optional: true";
        }
    }
}
