namespace ConformanceKit.Scenarios.Storage;

/// <summary>What a latency sample measures, per storage class.</summary>
public enum StorageMetric
{
    /// <summary>PVC created → Bound (WaitForFirstConsumer: the scheduler's node choice → Bound).</summary>
    Bind,

    /// <summary>Pod scheduled → its container started (the volume attached and mounted).</summary>
    AttachMount,

    /// <summary>After a graceful pod deletion: the old pod gone → the new pod's container started on the same claim.</summary>
    ReattachGraceful,

    /// <summary>After a force deletion (grace period 0): the old pod gone → the new pod's container started on the same claim.</summary>
    ReattachForced,

    /// <summary>The container exited → it started again in the same pod (the volume stays mounted).</summary>
    RestartInPlace,

    /// <summary>After scaling up: a new ordinal's PVC created → its pod Ready.</summary>
    ScaleUpSupply,

    /// <summary>The claim deleted → its PersistentVolume deleted (reclaimPolicy Delete).</summary>
    Reclaim,
}
