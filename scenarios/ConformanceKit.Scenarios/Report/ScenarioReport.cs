using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Report;

/// <summary>What one scenario did and found, for the report.</summary>
/// <param name="Name">The scenario's name (also names its SVG file).</param>
/// <param name="Result">Passed, failed or skipped.</param>
/// <param name="WallTime">How long the scenario took.</param>
/// <param name="ReactionTimes">The harness's reaction times: from a watch event's arrival to the check that used it.</param>
/// <param name="Timeline">What happened in the scenario's namespace.</param>
/// <param name="CheckResults">Every check's outcome.</param>
/// <param name="Notes">Free-form notes (diagnosis sentences, DNS convergence time, skip reasons).</param>
public sealed record ScenarioReport(
    string Name,
    ScenarioResult Result,
    TimeSpan WallTime,
    IReadOnlyList<TimeSpan> ReactionTimes,
    Timeline.Timeline Timeline,
    IReadOnlyList<CheckResult> CheckResults,
    IReadOnlyList<string> Notes)
{
    /// <summary>The file-name-safe form of <see cref="Name"/>.</summary>
    public string Slug => new(Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-').ToArray());
}
