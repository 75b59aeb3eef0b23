namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Why a pod can never start, as <see cref="PodStartJudgement"/> found it: an image its kubelet cannot have
/// (<see cref="ImageUnavailable"/>), a Secret or ConfigMap its namespace does not hold
/// (<see cref="MissingConfigObject"/>), or an API server that refuses its StatefulSet's creation of it
/// (<see cref="PodNotCreated"/>). <see cref="Line"/> is the one line that says so and what to do.
/// </summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name.</param>
public abstract record PodCannotStart(string Namespace, string Pod)
{
    /// <summary>One line: the pod, what it lacks, the kubelet's (or the API server's) own word on it and what to do.</summary>
    public abstract string Line { get; }
}
