namespace ConformanceKit.Scenarios.Manifests;

/// <summary>volumeBindingMode of a StorageClass.</summary>
public enum VolumeBindingMode
{
    /// <summary>Bind (or fail to bind) a claim as soon as it exists.</summary>
    Immediate,

    /// <summary>Wait until a pod using the claim is scheduled.</summary>
    WaitForFirstConsumer,
}
