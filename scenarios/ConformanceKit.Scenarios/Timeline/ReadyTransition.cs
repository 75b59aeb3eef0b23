namespace ConformanceKit.Scenarios.Timeline;

/// <summary>A change of a pod's Ready condition (server time is the condition's lastTransitionTime).</summary>
public sealed record ReadyTransition(bool Ready, Instant At);
