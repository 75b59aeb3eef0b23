namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// One event-driven wait of a scenario: what it waited for, how long, and the harness's reaction time (from the
/// moment the watch event that made the condition true was received to the moment the condition was found true).
/// </summary>
/// <param name="Description">What was awaited, e.g. "all 3 pods of web Ready".</param>
/// <param name="Started">When the wait began (observer's clock).</param>
/// <param name="Satisfied">When the condition was found true (observer's clock).</param>
/// <param name="TriggerObservedAt">When the watch event that made it true was received; null when it held at once.</param>
public sealed record ConditionWait(string Description, DateTimeOffset Started, DateTimeOffset Satisfied, DateTimeOffset? TriggerObservedAt)
{
    /// <summary>How long the scenario waited.</summary>
    public TimeSpan Elapsed => Satisfied - Started;

    /// <summary>From watch event received to condition found true; zero when the condition already held.</summary>
    public TimeSpan Reaction => TriggerObservedAt is { } t && Satisfied > t ? Satisfied - t : TimeSpan.Zero;
}
