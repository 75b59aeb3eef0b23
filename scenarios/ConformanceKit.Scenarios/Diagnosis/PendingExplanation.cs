using ConformanceKit.Kube.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>A diagnosis: the cause, one plain sentence, and the events it rests on.</summary>
public sealed record PendingExplanation(PendingCause Cause, string Sentence, IReadOnlyList<Event> Evidence)
{
    /// <summary>The sentence.</summary>
    public override string ToString() => Sentence;
}
