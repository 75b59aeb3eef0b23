using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>A diagnosis: the cause, one plain sentence, and the events it rests on.</summary>
public sealed record PendingExplanation(PendingCause Cause, string Sentence, IReadOnlyList<Corev1Event> Evidence)
{
    /// <summary>The sentence.</summary>
    public override string ToString() => Sentence;
}
