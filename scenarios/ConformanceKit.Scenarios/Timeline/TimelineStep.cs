namespace ConformanceKit.Scenarios.Timeline;

/// <summary>What the scenario did, and when (observer's clock).</summary>
public sealed record TimelineStep(string Label, DateTimeOffset At);
