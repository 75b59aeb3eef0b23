using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>Reads labels and annotations of the package's metadata, null when the map or the key is absent.</summary>
public static class MetadataExtensions
{
    /// <summary>The value of a label, or null.</summary>
    public static string? Label(this V1ObjectMeta? metadata, string key) =>
        metadata?.Labels is { } labels && labels.TryGetValue(key, out var value) ? value : null;

    /// <summary>The value of an annotation, or null.</summary>
    public static string? Annotation(this V1ObjectMeta? metadata, string key) =>
        metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;
}
