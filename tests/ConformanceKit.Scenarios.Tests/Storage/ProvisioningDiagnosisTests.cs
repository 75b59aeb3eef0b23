using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>
/// A class whose external provisioner fails or does not answer. No recording holds one, so these are the pending-wffc
/// recording's claim with the scheduler's refusals taken out and hand-built claim events with the reasons the volume
/// controller and external provisioners post (ExternalProvisioning, ProvisioningFailed, ProvisioningSucceeded).
/// </summary>
public sealed class ProvisioningDiagnosisTests
{
    private const string Failure = "failed to provision volume with StorageClass \"manual-wffc\": rpc error: code = ResourceExhausted desc = volume quota exceeded";
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private static readonly V1StorageClass Wffc = new() { Metadata = new() { Name = "manual-wffc" }, Provisioner = "csi.example.org", VolumeBindingMode = "WaitForFirstConsumer" };
    private static readonly V1StorageClass Immediate = new() { Metadata = new() { Name = "manual-wffc" }, Provisioner = "csi.example.org", VolumeBindingMode = "Immediate" };

    [Test]
    public void Explain_TheProvisionersLastTryFailed_IsProvisioningFailed_EvenWithTheControllersWaitAfterIt()
    {
        // Given a scheduled consumer, a failed try, and the controller's waiting event after it
        var events = Events(("Normal", "ExternalProvisioning", 1), ("Warning", "ProvisioningFailed", 2), ("Normal", "ExternalProvisioning", 3));

        // When
        var explanation = PendingDiagnosis.Explain(Claim(), events, Wffc, Pod());

        // Then it names the pod, the class and the provisioner's own words, resting on the failure
        explanation.Cause.ShouldBe(PendingCause.ProvisioningFailed);
        explanation.Sentence.ShouldBe($"PVC data-web-0 is Pending: pod web-0 was scheduled (WaitForFirstConsumer) and the provisioner of storageClassName=manual-wffc failed to create its volume (event ProvisioningFailed: {Failure})");
        explanation.Evidence.Select(e => e.Reason).ShouldBe(["ProvisioningFailed"]);
    }

    [Test]
    public void Explain_AFailedTryFollowedByASuccess_IsNotProvisioningFailed()
    {
        // Given the same failure, then the provisioner's success (the control: the claim binds next)
        var events = Events(("Normal", "ExternalProvisioning", 1), ("Warning", "ProvisioningFailed", 2), ("Normal", "ProvisioningSucceeded", 4));

        // When / Then
        PendingDiagnosis.Explain(Claim(), events, Wffc, Pod()).Cause.ShouldNotBe(PendingCause.ProvisioningFailed);
        PendingDiagnosis.Explain(Claim(), events, Wffc, Pod()).Cause.ShouldNotBe(PendingCause.WaitingForProvisioner);
    }

    [Test]
    public void Explain_OnlyTheControllersWait_IsWaitingForTheNamedProvisioner_InEitherBindingMode()
    {
        // Given only ExternalProvisioning events
        var events = Events(("Normal", "ExternalProvisioning", 1), ("Normal", "ExternalProvisioning", 5));

        // When
        var wffc = PendingDiagnosis.Explain(Claim(), events, Wffc, Pod());
        var immediate = PendingDiagnosis.Explain(Claim(), events, Immediate);
        var noClass = PendingDiagnosis.Explain(Claim(), events);

        // Then each says which provisioner has not answered and what to check
        wffc.Cause.ShouldBe(PendingCause.WaitingForProvisioner);
        wffc.Sentence.ShouldStartWith("PVC data-web-0 is Pending: pod web-0 was scheduled (WaitForFirstConsumer) and the external provisioner csi.example.org of storageClassName=manual-wffc has not created its volume yet (event ExternalProvisioning: ");
        wffc.Sentence.ShouldEndWith("; if that lasts, check that the provisioner runs and is registered");
        immediate.Cause.ShouldBe(PendingCause.WaitingForProvisioner);
        immediate.Sentence.ShouldStartWith("PVC data-web-0 is Pending: the external provisioner csi.example.org of storageClassName=manual-wffc has not created");
        noClass.Sentence.ShouldStartWith("PVC data-web-0 is Pending: its external provisioner of storageClassName=manual-wffc has not created");
    }

    [Test]
    public void ClaimSupply_AFailedProvisioner_IsTheClassesViolation_AWaitingOneStaysTheHarnesssTimeout()
    {
        // Given pending-wffc without the scheduler's refusals, once with a failed try and once with only the wait
        var failed = Timeline(Events(("Normal", "ExternalProvisioning", 1), ("Warning", "ProvisioningFailed", 2)));
        var waiting = Timeline(Events(("Normal", "ExternalProvisioning", 1)));
        var profile = new StorageClassProfile("manual-wffc", "csi.example.org", "WaitForFirstConsumer", "Delete", false, false);

        // When / Then
        ClaimSupply.Check(failed, "data", "web", 1, profile).ShouldFail("claim data-web-0 stayed Pending: ", "failed to create its volume (event ProvisioningFailed: ");
        ClaimSupply.Check(waiting, "data", "web", 1, profile).ShouldPass();
    }

    private static V1PersistentVolumeClaim Claim() =>
        Recorded.Claims("pending-wffc").Last(e => e.Type != WatchEventType.Deleted).Object!;

    private static V1Pod Pod() => Recorded.Pods("pending-wffc").Last().Object!;

    private static List<Corev1Event> Events(params (string Type, string Reason, int Second)[] claimEvents) =>
        [.. claimEvents.Select(e => new Corev1Event
        {
            Metadata = new() { Name = $"data-web-0.{e.Reason}.{e.Second}", Uid = $"uid-{e.Reason}-{e.Second}" },
            InvolvedObject = new() { Kind = "PersistentVolumeClaim", Name = "data-web-0" },
            Type = e.Type,
            Reason = e.Reason,
            Message = e.Reason switch
            {
                "ProvisioningFailed" => Failure,
                "ProvisioningSucceeded" => "Successfully provisioned volume pvc-1234",
                _ => "Waiting for a volume to be created either by the external provisioner 'csi.example.org' or manually by the system administrator",
            },
            LastTimestamp = T0.AddSeconds(e.Second).UtcDateTime,
        })];

    // The recording's pods, claims and claim events (the scheduler's refusals left out), then the hand-built events.
    private static Timeline.Timeline Timeline(IEnumerable<Corev1Event> extra)
    {
        var builder = new TimelineBuilder();
        foreach (var e in Recorded.Pods("pending-wffc")) builder.Observe(e);
        foreach (var e in Recorded.Claims("pending-wffc")) builder.Observe(e);
        foreach (var e in Recorded.Events("pending-wffc").Where(e => e.Object?.Reason != "FailedScheduling")) builder.Observe(e);
        foreach (var e in extra) builder.Observe(new WatchEvent<Corev1Event>(WatchEventType.Added, e, null, T0.AddMinutes(1)));
        return builder.Build();
    }
}
