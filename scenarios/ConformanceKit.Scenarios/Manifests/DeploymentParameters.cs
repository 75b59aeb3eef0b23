namespace ConformanceKit.Scenarios.Manifests;

/// <summary>What the naming control chooses about its Deployment.</summary>
public sealed record DeploymentParameters
{
    /// <summary>Name of the Deployment; its pods carry the label <c>app=&lt;Name&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Namespace of the Deployment.</summary>
    public required string Namespace { get; init; }

    /// <summary>Container image.</summary>
    public required string Image { get; init; }

    /// <summary>spec.replicas.</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>imagePullPolicy of the container.</summary>
    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>Extra labels on the Deployment and its pods.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Label selector of the Deployment's pods.</summary>
    public string PodSelector => $"app={Name}";
}
