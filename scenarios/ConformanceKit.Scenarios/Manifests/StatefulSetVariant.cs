namespace ConformanceKit.Scenarios.Manifests;

/// <summary>Which StatefulSet template a scenario applies.</summary>
public enum StatefulSetVariant
{
    /// <summary><c>statefulset.yaml</c>: no storage, Ready as soon as the container runs.</summary>
    Basic,

    /// <summary><c>statefulset-storage.yaml</c>: a <c>data</c> volume claim template mounted at /data.</summary>
    WithStorage,

    /// <summary><c>statefulset-restart.yaml</c>: like WithStorage, plus an exec liveness probe the test trips to have the kubelet restart a container.</summary>
    RestartableStorage,

    /// <summary><c>statefulset-held.yaml</c>: Ready only once /tmp/ready exists, so the test releases pods one by one.</summary>
    HeldReadiness,

    /// <summary><c>statefulset-update.yaml</c>: like Basic, with its update strategy spelled out; the update scenarios change its REVISION.</summary>
    Updatable,
}
