namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>A complete list (every page followed): the items and the resourceVersion a watch can start from.</summary>
/// <param name="Items">The objects, in the server's order.</param>
/// <param name="ResourceVersion">The list's resourceVersion.</param>
public sealed record KubeList<T>(IReadOnlyList<T> Items, string? ResourceVersion);
