namespace ConformanceKit.Scenarios.Timeline;

/// <summary>
/// A raw deletionTimestamp as the server wrote it (request time plus grace period; servers rewrite it while the
/// pod terminates), with the grace period beside it and when it was observed.
/// </summary>
public sealed record DeletionStamp(DateTimeOffset Timestamp, long? GracePeriodSeconds, DateTimeOffset ObservedAt);
