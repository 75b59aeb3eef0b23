using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

/// <summary>Diagnosis cases not covered by the two recordings alone (each found by a surviving mutant).</summary>
public sealed class DiagnosisControlTests
{
    private static V1StorageClass Class(string name, string mode) =>
        new() { Metadata = new() { Name = name }, Provisioner = "kubernetes.io/no-provisioner", VolumeBindingMode = mode };

    private static (V1PersistentVolumeClaim Claim, List<Corev1Event> Events, V1Pod Pod) Recording(string folder) =>
        (Recorded.Claims(folder).Last(e => e.Type != WatchEventType.Deleted).Object!,
         Recorded.Events(folder).Where(e => e.Type != WatchEventType.Deleted).Select(e => e.Object!).ToList(),
         Recorded.Pods(folder).Last().Object!);

    private static Corev1Event PodEvent(string pod, string type, string reason, string message, DateTimeOffset at) => new()
    {
        Metadata = new() { Name = $"{pod}.{reason}", Uid = $"{pod}-{reason}" },
        InvolvedObject = new() { Kind = "Pod", Name = pod },
        Type = type, Reason = reason, Message = message, LastTimestamp = at.UtcDateTime,
    };

    [Test]
    public void PendingImmediate_PodAlsoUnschedulable_SentenceSaysSoAndCitesBothEvents()
    {
        // Given the pending-immediate recording, whose pod got FailedScheduling for the unbound claim
        var (claim, events, pod) = Recording("pending-immediate");

        // When
        var explanation = PendingDiagnosis.Explain(claim, events, Class("manual", "Immediate"), pod);

        // Then the sentence ends with the pod's state and the evidence holds the claim's and the pod's event
        explanation.Sentence.ShouldEndWith("; pod web-0 stays unscheduled");
        explanation.Evidence.Select(e => e.Reason).ShouldBe(["ProvisioningFailed", "FailedScheduling"]);
    }

    [Test]
    public void PendingWithoutAnyEvent_IsUnknownAndSaysNoEventExplainsIt()
    {
        // Given a Pending claim of class "manual" and no events yet
        var (claim, _, _) = Recording("pending-immediate");

        // When
        var explanation = PendingDiagnosis.Explain(claim, [], Class("manual", "Immediate"));

        // Then
        explanation.Cause.ShouldBe(PendingCause.Unknown);
        explanation.Sentence.ShouldBe("PVC data-web-0 is Pending for storageClassName=manual and no event says why yet");
        explanation.Evidence.ShouldBeEmpty();
    }

    [Test]
    public void WaitForFirstConsumer_SchedulingFailureOnlyAfterThePodsDeletion_IsTheNormalWait()
    {
        // Given the wffc recording's claim events and only the scheduler's "skip schedule deleting pod" event,
        // which came after the pod's deletion was requested
        var (claim, events, pod) = Recording("pending-wffc");
        pod.Metadata.DeletionTimestamp.ShouldNotBeNull("the recording's last pod state is being deleted");
        var afterDeletion = events.Where(e => e.InvolvedObject?.Kind != "Pod" || (e.Message ?? "").Contains("deleting pod", StringComparison.Ordinal)).ToList();
        afterDeletion.Count(e => e.Reason == "FailedScheduling").ShouldBe(1);

        // When
        var explanation = PendingDiagnosis.Explain(claim, afterDeletion, Class("manual-wffc", "WaitForFirstConsumer"), pod);

        // Then the deleting pod's scheduling failure is not taken as the cause
        explanation.Cause.ShouldBe(PendingCause.WaitingForFirstConsumer);
    }

    [Test]
    public void WaitForFirstConsumer_PodEventThatIsNotASchedulingFailure_IsTheNormalWait()
    {
        // Given the claim's wait events and a Normal "Scheduled" event of its pod
        var (claim, events, _) = Recording("pending-wffc");
        var claimEvents = events.Where(e => e.InvolvedObject?.Kind == "PersistentVolumeClaim").ToList();
        var scheduled = PodEvent("web-0", "Normal", "Scheduled", "Successfully assigned pending-wffc/web-0 to vm", Hand.T0);

        // When
        var explanation = PendingDiagnosis.Explain(claim, [.. claimEvents, scheduled], Class("manual-wffc", "WaitForFirstConsumer"));

        // Then
        explanation.Cause.ShouldBe(PendingCause.WaitingForFirstConsumer);
        explanation.Sentence.ShouldContain("it binds once pod web-0 is scheduled");
    }

    [Test]
    public void WithoutAPod_TheConsumerIsTheOneTheClaimIsNamedFor_NotAnotherUnschedulablePod()
    {
        // Given the wffc recording plus, listed first, a scheduling failure of an unrelated probe pod
        var (claim, events, _) = Recording("pending-wffc");
        var probe = PodEvent("dns-probe", "Warning", "FailedScheduling", "0/1 nodes are available: probe", Hand.T0);

        // When
        var explanation = PendingDiagnosis.Explain(claim, [probe, .. events], Class("manual-wffc", "WaitForFirstConsumer"));

        // Then the diagnosis names web-0 and its own event, not the probe
        explanation.Cause.ShouldBe(PendingCause.NoVolumeForFirstConsumer);
        explanation.Sentence.ShouldContain("for pod web-0: it binds only");
        explanation.Sentence.ShouldContain("(event FailedScheduling: 0/1 nodes are available: 1 node(s) didn't find available persistent volumes to bind");
        explanation.Sentence.ShouldNotContain("probe");
    }

    [Test]
    public void WaitForFirstConsumer_PodRefusedForCpu_IsUnschedulable_NotAClassWithoutVolumes()
    {
        // Given the wffc recording's claim events and its pod refused for cpu, not for volumes (hand-written message)
        var (claim, events, _) = Recording("pending-wffc");
        var claimEvents = events.Where(e => e.InvolvedObject?.Kind == "PersistentVolumeClaim").ToList();
        var cpu = PodEvent("web-0", "Warning", "FailedScheduling", "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..", Hand.T0);

        // When
        var explanation = PendingDiagnosis.Explain(claim, [.. claimEvents, cpu], Class("manual-wffc", "WaitForFirstConsumer"));

        // Then
        explanation.Cause.ShouldBe(PendingCause.FirstConsumerUnschedulable);
        explanation.Sentence.ShouldContain("and pod web-0 cannot be scheduled (event FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu");
    }
}
