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

    /// <summary>The test framework's class name (fixture with parameters), e.g. <c>Ns.Storage("fast-ssd")</c>; default: the name's first part.</summary>
    public string? ClassName { get; init; }

    /// <summary>The test's name within its class; default: the name's last part.</summary>
    public string? TestName { get; init; }

    /// <summary>Kind and reason, when the scenario failed.</summary>
    public TestFailure? Failure { get; init; }

    /// <summary>Why it was skipped, when it was.</summary>
    public string? SkipReason { get; init; }

    /// <summary>A storage scenario's class and latency samples; null for the others.</summary>
    public Storage.StorageEvidence? Storage { get; init; }

    private string EffectiveClass => ClassName ?? (Name.LastIndexOf('.') is var dot and > 0 ? Name[..dot] : Name);

    private string EffectiveTest => TestName ?? (Name.LastIndexOf('.') is var dot and > 0 ? Name[(dot + 1)..] : Name);

    /// <summary>The record written beside the SVG (everything but the timeline).</summary>
    public ScenarioRecord ToRecord() =>
        new($"{EffectiveClass}.{EffectiveTest}", Slug, WallTime, ReactionTimes, CheckResults, Notes, Failure) { Storage = Storage };

    /// <summary>This scenario as one outcome of the run.</summary>
    public TestOutcome ToOutcome() =>
        new(EffectiveClass, EffectiveTest, Result, WallTime, Result == ScenarioResult.Failed ? Failure ?? new TestFailure(FailureKind.Error, "failed") : null,
            SkipReason, ToRecord());
}
