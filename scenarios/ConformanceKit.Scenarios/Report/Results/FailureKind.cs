namespace ConformanceKit.Scenarios.Report;

/// <summary>Why a test failed: the cluster broke a promise, or the harness could not observe it.</summary>
public enum FailureKind
{
    /// <summary>A check failed: the behaviour is absent on this cluster.</summary>
    Violation,

    /// <summary>The harness could not observe the behaviour: API error, timeout, crashed probe tool, setup failure.</summary>
    Error,
}
