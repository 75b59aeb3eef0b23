namespace ConformanceKit.Scenarios.Manifests;

/// <summary>spec.podManagementPolicy of a StatefulSet.</summary>
public enum PodManagementPolicy
{
    /// <summary>One pod at a time, in ordinal order (the default).</summary>
    OrderedReady,

    /// <summary>All pods at once: the negative control of the ordering checks.</summary>
    Parallel,
}
