namespace ConformanceKit.Scenarios.Storage;

/// <summary>Which clock a latency sample was measured on.</summary>
public enum ClockSource
{
    /// <summary>Both ends are API-server timestamps (creationTimestamp, condition lastTransitionTime, container startedAt/finishedAt): second precision.</summary>
    Server,

    /// <summary>Both ends are when the harness's watches saw the change (millisecond precision, includes watch delivery).</summary>
    Observed,
}
