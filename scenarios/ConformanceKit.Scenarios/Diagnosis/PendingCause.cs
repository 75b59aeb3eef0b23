namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>Why a claim is (or is not) Pending.</summary>
public enum PendingCause
{
    /// <summary>The claim is Bound: nothing to explain.</summary>
    Bound,

    /// <summary>Immediate binding, and no volume exists or can be provisioned for the class.</summary>
    NoMatchingVolume,

    /// <summary>The normal wait of a WaitForFirstConsumer class: binding happens once the pod is scheduled.</summary>
    WaitingForFirstConsumer,

    /// <summary>WaitForFirstConsumer, but the scheduler cannot place the pod (e.g. no volume to bind on any node).</summary>
    FirstConsumerUnschedulable,

    /// <summary>Pending without events that say why (yet).</summary>
    Unknown,
}
