using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

public sealed class DiagnosisTests
{
    private static V1StorageClass Class(string name, string mode) =>
        new() { Metadata = new() { Name = name }, Provisioner = "kubernetes.io/no-provisioner", VolumeBindingMode = mode };

    private static (V1PersistentVolumeClaim Claim, List<Corev1Event> Events, V1Pod Pod) Recording(string folder)
    {
        var claim = Recorded.Claims(folder).Last(e => e.Type != WatchEventType.Deleted).Object!;
        var events = Recorded.Events(folder).Where(e => e.Type != WatchEventType.Deleted).Select(e => e.Object!).ToList();
        var pod = Recorded.Pods(folder).Last().Object!;
        return (claim, events, pod);
    }

    [Test]
    public void PendingImmediate_NoVolumeForClass_SaysSoWithTheEvent()
    {
        // Given the recording of a StatefulSet on the no-provisioner Immediate class "manual"
        var (claim, events, pod) = Recording("pending-immediate");

        // When
        var explanation = PendingDiagnosis.Explain(claim, events, Class("manual", "Immediate"), pod);

        // Then
        explanation.Cause.ShouldBe(PendingCause.NoMatchingVolume);
        explanation.Sentence.ShouldStartWith(
            "PVC data-web-0 is Pending: no PersistentVolume matches storageClassName=manual (event ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner)");
    }

    [Test]
    public void PendingWaitForFirstConsumer_PodRefusedForWantOfAVolume_SaysTheClassProvidesNoVolume()
    {
        // Given the recording on the no-provisioner WaitForFirstConsumer class "manual-wffc"
        var (claim, events, pod) = Recording("pending-wffc");

        // When
        var explanation = PendingDiagnosis.Explain(claim, events, Class("manual-wffc", "WaitForFirstConsumer"), pod);

        // Then
        explanation.Cause.ShouldBe(PendingCause.NoVolumeForFirstConsumer);
        explanation.Sentence.ShouldBe("PVC data-web-0 is Pending: storageClassName=manual-wffc provides no volume for pod web-0: it binds only for a scheduled consumer (WaitForFirstConsumer) "
            + "and the scheduler refused the pod because no node had a volume to bind (event FailedScheduling: 0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling)");
        explanation.Evidence.Select(e => e.Reason).ShouldBe(["WaitForFirstConsumer", "WaitForPodScheduled", "FailedScheduling"]);
    }

    [Test]
    public void Pending_WithoutStorageClass_InfersBindingModeFromEvents()
    {
        // Given both recordings but no StorageClass object
        var immediate = Recording("pending-immediate");
        var wffc = Recording("pending-wffc");

        // When
        var a = PendingDiagnosis.Explain(immediate.Claim, immediate.Events);
        var b = PendingDiagnosis.Explain(wffc.Claim, wffc.Events);

        // Then the two diagnoses differ
        a.Cause.ShouldBe(PendingCause.NoMatchingVolume);
        b.Cause.ShouldBe(PendingCause.NoVolumeForFirstConsumer);
        a.Sentence.ShouldNotBe(b.Sentence);
    }

    [Test]
    public void PendingWaitForFirstConsumer_BeforeScheduling_IsTheNormalWait()
    {
        // Given a local-path style claim with only the WaitForFirstConsumer event so far
        var (claim, events, _) = Recording("pending-wffc");
        var waitOnly = events.Where(e => e.Reason == "WaitForFirstConsumer").ToList();
        var localPath = claim with { Spec = claim.Spec! with { StorageClassName = "local-path" } };

        // When
        var explanation = PendingDiagnosis.Explain(localPath, waitOnly, Class("local-path", "WaitForFirstConsumer"));

        // Then
        explanation.Cause.ShouldBe(PendingCause.WaitingForFirstConsumer);
        explanation.Sentence.ShouldBe("PVC data-web-0 is Pending as expected for storageClassName=local-path (WaitForFirstConsumer): it binds once its pod is scheduled (event WaitForFirstConsumer: waiting for first consumer to be created before binding)");
    }

    [Test]
    public void BoundClaim_IsNotPending()
    {
        // Given a bound claim
        var claim = new V1PersistentVolumeClaim { Metadata = new() { Name = "data-web-0" }, Spec = new() { VolumeName = "pv-1" }, Status = new() { Phase = "Bound" } };

        // When / Then
        PendingDiagnosis.Explain(claim, []).Cause.ShouldBe(PendingCause.Bound);
    }
}
