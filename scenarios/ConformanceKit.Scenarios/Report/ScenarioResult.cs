namespace ConformanceKit.Scenarios.Report;

/// <summary>The outcome of one scenario.</summary>
public enum ScenarioResult
{
    /// <summary>Every check passed.</summary>
    Passed,

    /// <summary>At least one check failed or the scenario broke.</summary>
    Failed,

    /// <summary>The scenario did not run (e.g. the target lacks a feature).</summary>
    Skipped,
}
