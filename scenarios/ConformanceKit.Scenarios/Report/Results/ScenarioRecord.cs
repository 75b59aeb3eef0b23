using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Report;

/// <summary>What one scenario wrote about itself (its <c>&lt;slug&gt;.json</c>), without the timeline.</summary>
/// <param name="FullName">NUnit's full name of the test (fixture with parameters, then the test name).</param>
/// <param name="Slug">The file-name stem of its SVG timeline and text files.</param>
/// <param name="WallTime">How long the scenario took.</param>
/// <param name="ReactionTimes">Watch event to verdict, per wait.</param>
/// <param name="Checks">Every check's outcome.</param>
/// <param name="Notes">Free-form notes.</param>
/// <param name="Failure">Kind and reason as the scenario saw it, when it failed.</param>
public sealed record ScenarioRecord(
    string FullName,
    string Slug,
    TimeSpan WallTime,
    IReadOnlyList<TimeSpan> ReactionTimes,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<string> Notes,
    TestFailure? Failure)
{
    /// <summary>A storage scenario's class and latency samples (the report's Storage classes section); null for the others.</summary>
    public Storage.StorageEvidence? Storage { get; init; }
}
