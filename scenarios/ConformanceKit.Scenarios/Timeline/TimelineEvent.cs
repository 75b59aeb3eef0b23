namespace ConformanceKit.Scenarios.Timeline;

/// <summary>A Kubernetes event in the namespace, reduced to what a reader needs.</summary>
/// <param name="At">Server time is lastTimestamp, else eventTime, else firstTimestamp.</param>
/// <param name="InvolvedKind">Kind of the object the event is about.</param>
/// <param name="InvolvedName">Name of the object the event is about.</param>
/// <param name="Type">Normal or Warning.</param>
/// <param name="Reason">The machine-readable reason.</param>
/// <param name="Message">The human-readable message.</param>
/// <param name="Count">How often the event was seen.</param>
public sealed record TimelineEvent(
    Instant At, string InvolvedKind, string InvolvedName, string Type, string Reason, string Message, int Count);
