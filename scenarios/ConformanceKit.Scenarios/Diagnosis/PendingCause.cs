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

    /// <summary>WaitForFirstConsumer, but the scheduler cannot place the pod for a reason other than its volumes (e.g. cpu, a taint).</summary>
    FirstConsumerUnschedulable,

    /// <summary>WaitForFirstConsumer, and the scheduler refused the pod because no node had a volume of the class to bind.</summary>
    NoVolumeForFirstConsumer,

    /// <summary>WaitForFirstConsumer, the pod was scheduled, and the class's provisioner reported that it failed to create the volume (ProvisioningFailed).</summary>
    ProvisioningFailed,

    /// <summary>The claim waits for an external provisioner that has not created its volume yet (ExternalProvisioning, nothing later).</summary>
    WaitingForProvisioner,

    /// <summary>Pending without events that say why (yet).</summary>
    Unknown,
}
