namespace ConformanceKit.Scenarios.Manifests;

/// <summary>What a scenario chooses about the busybox DNS probe pod.</summary>
public sealed record PodParameters
{
    /// <summary>Name of the pod.</summary>
    public required string Name { get; init; }

    /// <summary>Namespace of the pod.</summary>
    public required string Namespace { get; init; }

    /// <summary>Container image (busybox, for nslookup).</summary>
    public required string Image { get; init; }

    /// <summary>imagePullPolicy of the container.</summary>
    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>Extra labels on the pod.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
