namespace ConformanceKit.Scenarios.Manifests;

/// <summary>What a scenario chooses about its headless Service.</summary>
public sealed record ServiceParameters
{
    /// <summary>Name of the Service (the StatefulSet's serviceName).</summary>
    public required string Name { get; init; }

    /// <summary>Namespace of the Service.</summary>
    public required string Namespace { get; init; }

    /// <summary>Value of the <c>app</c> label the Service selects.</summary>
    public required string App { get; init; }

    /// <summary>Name of the one port.</summary>
    public string PortName { get; init; } = "web";

    /// <summary>Port number.</summary>
    public int Port { get; init; } = 80;

    /// <summary>Extra labels on the Service (e.g. the run's session label).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
