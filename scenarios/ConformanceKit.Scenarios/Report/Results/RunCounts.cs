namespace ConformanceKit.Scenarios.Report;

/// <summary>How many tests of a run passed, failed (violations and errors) and were skipped.</summary>
public sealed record RunCounts(int Passed, int Failed, int Skipped, int Violations, int Errors)
{
    /// <summary>Counts the outcomes.</summary>
    public static RunCounts Of(IReadOnlyCollection<TestOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var failed = outcomes.Where(o => o.Result == ScenarioResult.Failed).ToList();
        return new RunCounts(
            outcomes.Count(o => o.Result == ScenarioResult.Passed),
            failed.Count,
            outcomes.Count(o => o.Result == ScenarioResult.Skipped),
            failed.Count(o => o.Failure?.Kind == FailureKind.Violation),
            failed.Count(o => o.Failure?.Kind != FailureKind.Violation));
    }

    /// <summary>The run's plain closing line, e.g. <c>13 passed, 1 failed, 0 skipped</c>.</summary>
    public string ClosingLine => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
