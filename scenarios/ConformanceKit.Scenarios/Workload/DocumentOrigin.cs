namespace ConformanceKit.Scenarios.Workload;

/// <summary>Where a document sits in the user's files, before it is known to be a Kubernetes object.</summary>
internal sealed record DocumentOrigin(string File, int Index, int? Item, int Line, string? HelmSource)
{
    public string Where =>
        $"{File} document {Index}{(Item is { } item ? $" item {item}" : "")} (line {Line}{(HelmSource is null ? "" : $", # Source: {HelmSource}")})";
}
