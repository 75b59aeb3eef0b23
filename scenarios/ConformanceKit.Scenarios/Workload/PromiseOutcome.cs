namespace ConformanceKit.Scenarios.Workload;

/// <summary>What the user's manifest lets a promise be: checked on the cluster, skipped, or already broken by the manifest itself.</summary>
public enum PromiseOutcome
{
    /// <summary>The workload can show the promise: run its check.</summary>
    Check,

    /// <summary>The workload cannot show it (e.g. no volumeClaimTemplates): skipped, with the reason.</summary>
    Skip,

    /// <summary>The manifest asks for the opposite (e.g. Parallel, a Delete retention policy): a violation naming the setting.</summary>
    Violation,
}
