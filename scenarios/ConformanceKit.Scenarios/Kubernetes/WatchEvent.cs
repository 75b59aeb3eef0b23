using k8s;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// One change a watch saw. <see cref="Object"/> is set for Added, Modified and Deleted; a Bookmark carries only
/// <see cref="ResourceVersion"/>. ERROR events are not yielded: the watch turns them into a relist or an exception.
/// </summary>
/// <param name="Type">Added, Modified, Deleted or Bookmark.</param>
/// <param name="Object">The object after the change (before it, for Deleted).</param>
/// <param name="ResourceVersion">The resourceVersion the event carried.</param>
/// <param name="ObservedAt">When this process received the event.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, string? ResourceVersion, DateTimeOffset ObservedAt);
