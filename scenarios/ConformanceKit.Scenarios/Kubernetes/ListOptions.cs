namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>Selectors and page size for list and watch calls.</summary>
public sealed record ListOptions
{
    /// <summary>e.g. "app=web".</summary>
    public string? LabelSelector { get; init; }

    /// <summary>e.g. "metadata.name=web-0" or "involvedObject.kind=Pod".</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; pages are followed with the continue token until the list is complete. Default 500.</summary>
    public int PageSize { get; init; } = 500;
}
