namespace ConformanceKit.Scenarios.Workload;

/// <summary>One promise judged on the user's manifest, before anything runs.</summary>
/// <param name="Promise">The promise, one of <see cref="WorkloadPromises"/>.</param>
/// <param name="Outcome">Check, skip or violation.</param>
/// <param name="Reason">One sentence: how it is checked, why it is skipped, or which setting breaks it.</param>
public sealed record PromiseVerdict(string Promise, PromiseOutcome Outcome, string Reason)
{
    /// <summary>The promise can be checked; <paramref name="how"/> says with what.</summary>
    public static PromiseVerdict Check(string promise, string how) => new(promise, PromiseOutcome.Check, how);

    /// <summary>The promise is skipped for <paramref name="reason"/>.</summary>
    public static PromiseVerdict Skip(string promise, string reason) => new(promise, PromiseOutcome.Skip, reason);

    /// <summary>The manifest breaks the promise: <paramref name="message"/> names the setting.</summary>
    public static PromiseVerdict Violation(string promise, string message) => new(promise, PromiseOutcome.Violation, message);

    /// <summary><c>CHECK|SKIP|VIOLATION Promise: reason</c>.</summary>
    public override string ToString() => $"{Outcome.ToString().ToUpperInvariant()} {Promise}: {Reason}";
}
