namespace ConformanceKit.Scenarios.Timeline;

/// <summary>A change of a pod's or claim's phase as observed.</summary>
public sealed record PhaseChange(string Phase, Instant At);
