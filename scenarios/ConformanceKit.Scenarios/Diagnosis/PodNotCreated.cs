namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// A pod that its StatefulSet's controller cannot create, because the API server refuses it (or its claim), as
/// <see cref="PodStartJudgement"/> found it; <see cref="Line"/> says so and what to do.
/// </summary>
/// <param name="Namespace">The set's namespace.</param>
/// <param name="Pod">The pod's name.</param>
/// <param name="StatefulSet">The set's name.</param>
/// <param name="Claim">The claim whose creation was refused, or null when the pod's own creation was.</param>
/// <param name="Failures">How often the controller failed to create it, by its <c>FailedCreate</c> events.</param>
/// <param name="Seconds">Over how many seconds the failures recurred, by the events' stamps.</param>
/// <param name="ApiServerMessage">The API server's last word on it, whitespace collapsed and cut to a few hundred characters.</param>
public sealed record PodNotCreated(
    string Namespace, string Pod, string StatefulSet, string? Claim, int Failures, int Seconds, string ApiServerMessage)
    : PodCannotStart(Namespace, Pod)
{
    /// <summary>One line: the pod, the set, how long the API server has refused it, its message and what to do.</summary>
    public override string Line
    {
        get
        {
            var what = Claim is null ? "it" : $"its claim {Claim}";
            return $"pod {Namespace}/{Pod} cannot be created: the API server has refused StatefulSet {StatefulSet}'s creation of {what} "
                + $"for {Seconds} s ({CreateRefusalJudgement.FailedCreate}, {Failures} failures; API server: '{ApiServerMessage}'); "
                + CreateRefusal.Advice(ApiServerMessage, Namespace);
        }
    }
}
