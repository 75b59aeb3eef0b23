namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// One test of a run as the results (TRX, or the scenarios themselves) tell it, with the scenario's own report when
/// it wrote one.
/// </summary>
/// <param name="ClassName">The fixture's full name, parameters included (e.g. <c>Ns.Storage("fast-ssd")</c>).</param>
/// <param name="Name">The test's name.</param>
/// <param name="Result">Passed, failed or skipped.</param>
/// <param name="Duration">How long the test ran.</param>
/// <param name="Failure">Kind and reason when it failed.</param>
/// <param name="SkipReason">Why it was skipped.</param>
/// <param name="Scenario">What the scenario recorded (checks, notes, reaction times), when it got that far.</param>
public sealed record TestOutcome(
    string ClassName,
    string Name,
    ScenarioResult Result,
    TimeSpan Duration,
    TestFailure? Failure = null,
    string? SkipReason = null,
    ScenarioRecord? Scenario = null)
{
    /// <summary>Class and test name, the key that ties a result to the scenario's record.</summary>
    public string FullName => $"{ClassName}.{Name}";

    /// <summary>The class name without its namespace, parameters kept.</summary>
    public string ShortClassName
    {
        get
        {
            var bare = ClassName.Split('(', 2);
            var dot = bare[0].LastIndexOf('.');
            return dot < 0 ? ClassName : ClassName[(dot + 1)..];
        }
    }

    /// <summary>What the report shows in the result column, e.g. <c>Failed (violation)</c>.</summary>
    public string Label => Result switch
    {
        ScenarioResult.Failed when Failure is { } f => $"Failed ({f.Kind.ToString().ToLowerInvariant()})",
        _ => Result.ToString(),
    };
}
