namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>What to watch and from where.</summary>
public sealed record WatchOptions
{
    /// <summary>e.g. "app=web".</summary>
    public string? LabelSelector { get; init; }

    /// <summary>e.g. "metadata.name=web-0".</summary>
    public string? FieldSelector { get; init; }

    /// <summary>
    /// Start after this resourceVersion. Null: list first, yield every listed object as Added, then watch from the
    /// list's resourceVersion (so nothing between the list and the watch is missed).
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Ask for BOOKMARK events (default true) and yield them.</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>Server-side timeout of one watch request; the client reconnects after it. Default 5 minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
