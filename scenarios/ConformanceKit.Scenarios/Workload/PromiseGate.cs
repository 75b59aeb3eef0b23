using ConformanceKit.Scenarios.Checks;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// What a live scenario does with one promise of the user's set: run its check, skip it with the verdict's reason,
/// or fail it as a violation that names the setting. The checks count ordinals from 0, so a set with
/// <c>spec.ordinals.start</c> other than 0 is skipped whole, with that reason, and fails a violation of its manifest
/// before anything is applied (<see cref="UpFront"/>).
/// </summary>
public static class PromiseGate
{
    /// <summary>The verdict for <paramref name="promise"/> as the live run applies it.</summary>
    /// <exception cref="ArgumentException">The promise is not one of <see cref="WorkloadPromises"/>.</exception>
    public static PromiseVerdict Decide(IReadOnlyList<PromiseVerdict> verdicts, V1StatefulSet set, string promise)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(set);
        var verdict = verdicts.FirstOrDefault(v => v.Promise == promise)
            ?? throw new ArgumentException($"no verdict for promise '{promise}' (known: {string.Join(", ", verdicts.Select(v => v.Promise))})", nameof(promise));
        var start = set.Spec?.Ordinals?.Start ?? 0;
        return start == 0 || verdict.Outcome == PromiseOutcome.Violation
            ? verdict
            : PromiseVerdict.Skip(promise,
                $"spec.ordinals.start is {start}: the checks count a StatefulSet's ordinals from 0; remove spec.ordinals to check this promise");
    }

    /// <summary>
    /// The failed check a violation ends its test with before anything is applied, or null when the live run goes on to
    /// show the timeline as its evidence: a set whose <c>spec.ordinals.start</c> is not 0 never has the pods
    /// <c>set-0..N-1</c> that the waits and checks count, so there the violation is the manifest's alone.
    /// </summary>
    public static CheckResult? UpFront(PromiseVerdict verdict, V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(set);
        var start = set.Spec?.Ordinals?.Start ?? 0;
        if (verdict.Outcome != PromiseOutcome.Violation || start == 0)
        {
            return null;
        }

        var violation = Violation(verdict);
        return violation with { Message = $"{violation.Message}; the set was not applied: spec.ordinals.start is {start} and the checks count its ordinals from 0" };
    }

    /// <summary>The failed check a <see cref="PromiseOutcome.Violation"/> verdict stands for: the promise's name and the setting that breaks it.</summary>
    /// <exception cref="ArgumentException">The verdict is not a violation.</exception>
    public static CheckResult Violation(PromiseVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Outcome == PromiseOutcome.Violation
            ? CheckResult.Fail(verdict.Promise, $"the manifest breaks the promise: {verdict.Reason}")
            : throw new ArgumentException($"{verdict} is not a violation", nameof(verdict));
    }

    /// <summary>
    /// The violation with what the cluster showed as evidence: the check run over the timeline anyway (e.g. a
    /// Parallel set's scale-down), whether it happened to pass this time or not.
    /// </summary>
    public static CheckResult Violation(PromiseVerdict verdict, CheckResult observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var violation = Violation(verdict);
        var evidence = observed.Passed
            ? $"this time the timeline happened to show it ({observed.Message}), which the manifest does not promise"
            : $"the timeline shows it: {observed.Message}";
        return violation with { Message = $"{violation.Message}; {evidence}", Details = observed.Details };
    }
}
