namespace ConformanceKit.Scenarios.Manifests;

/// <summary>What the Pending scenario chooses about its no-provisioner StorageClass (cluster-scoped).</summary>
public sealed record StorageClassParameters
{
    /// <summary>Unique name (StorageClasses are cluster-scoped: include the test's namespace or session in it).</summary>
    public required string Name { get; init; }

    /// <summary>volumeBindingMode.</summary>
    public VolumeBindingMode BindingMode { get; init; } = VolumeBindingMode.Immediate;

    /// <summary>Labels (the run's session label, so a leftover sweep finds it).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
