namespace ConformanceKit.Scenarios.Manifests;

/// <summary>spec.updateStrategy.type of a StatefulSet.</summary>
public enum UpdateStrategyType
{
    /// <summary>The controller replaces pods itself after a template change, highest ordinal first.</summary>
    RollingUpdate,

    /// <summary>The controller replaces a pod only once someone deletes it.</summary>
    OnDelete,
}
