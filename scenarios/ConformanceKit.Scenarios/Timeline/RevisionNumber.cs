namespace ConformanceKit.Scenarios.Timeline;

/// <summary>A ControllerRevision's <c>revision</c> number as observed (the controller bumps it when it reuses the revision).</summary>
public sealed record RevisionNumber(long Number, Instant At);
