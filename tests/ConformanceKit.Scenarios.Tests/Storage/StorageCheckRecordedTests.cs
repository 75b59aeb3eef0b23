using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>The re-attach and scale-up checks on the recordings, with the controls the recordings themselves provide.</summary>
public sealed class StorageCheckRecordedTests
{
    [Test]
    public void Reattach_ForceDeleteRecording_PassesOnTheSameClaimAndVolume()
    {
        // Given web-1 force-deleted and replaced
        var timeline = RecordedStorage.Timeline("force-delete-reattach");

        // When
        var result = ReattachCheck.Check(timeline, "data", "web", 1, timeline.StepTime("force-deleted pod web-1"), forced: true);

        // Then
        result.ShouldPass();
        result.Details.ShouldContain("data-web-1: volume(s) pvc-3533fa9f-6373-43a2-ab7f-85f18b91f87b");
        SharedData.Text("recorded-k8s-1.26", "force-delete-reattach", "marker-after-force-delete.txt").Trim().ShouldBe("web-1: marker-web-1");
    }

    [Test]
    public void Reattach_GracefulDeletionJudgedAsForced_Fails()
    {
        // Given the ordered-lifecycle pods deleted by label with grace 1 (negative control for "forced")
        var timeline = RecordedStorage.Timeline("ordered-lifecycle");

        // When / Then
        ReattachCheck.Check(timeline, "data", "web", 1, timeline.StepTime("deleted pods"), forced: true)
            .ShouldFail("web-1 (1173eb16) was deleted with grace period 1, expected a force deletion (0)");
        ReattachCheck.Check(timeline, "data", "web", 1, timeline.StepTime("deleted pods"), forced: false).ShouldPass();
    }

    [Test]
    public void ScaleUpSupply_ScaleUpRecording_PassesInOrdinalOrder()
    {
        // Given 3 → 6
        var timeline = RecordedStorage.Timeline("scale-up-supply");

        // When / Then
        ScaleUpSupply.Check(timeline, "data", "web", 3, 6, timeline.StepTime("scaled to 6")).ShouldPass();
    }

    [Test]
    public void ScaleUpSupply_ClassThatRunsOut_FailsWithThePendingDiagnosis()
    {
        // Given the pending-immediate recording read as a scale 0 → 1 on the no-provisioner class "manual"
        var timeline = RecordedStorage.Timeline("pending-immediate");
        var manual = new StorageClassProfile("manual", "kubernetes.io/no-provisioner", "Immediate", "Delete", false, false);

        // When / Then
        ScaleUpSupply.Check(timeline, "data", "web", 0, 1, timeline.Steps[0].At, manual).ShouldFail(
            "claim data-web-0 stayed Pending: PVC data-web-0 is Pending: no PersistentVolume matches storageClassName=manual (event ProvisioningFailed");
    }

    [Test]
    public void ScaleUpSupply_AskedForMoreOrdinalsThanCreated_Fails()
    {
        // Given the 3 → 6 recording judged as 3 → 7
        var timeline = RecordedStorage.Timeline("scale-up-supply");

        // When / Then
        ScaleUpSupply.Check(timeline, "data", "web", 3, 7, timeline.StepTime("scaled to 6"))
            .ShouldFail("no claim data-web-6 was created after the scale to 7");
    }

    [Test]
    public void ClaimSupply_ImmediateClassThatProvidesNoVolume_FailsWithThePendingDiagnosis()
    {
        // Given the pending-immediate recording: data-web-0 Pending on the no-provisioner Immediate class "manual"
        var timeline = RecordedStorage.Timeline("pending-immediate");
        var manual = new StorageClassProfile("manual", "kubernetes.io/no-provisioner", "Immediate", "Delete", false, false);

        // When / Then
        ClaimSupply.Check(timeline, "data", "web", 1, manual).ShouldFail(
            "claim data-web-0 stayed Pending: PVC data-web-0 is Pending: no PersistentVolume matches storageClassName=manual");
    }

    [Test]
    public void ClaimSupply_WaitForFirstConsumerClassThatProvidesNoVolume_FailsNamingTheClass()
    {
        // Given the pending-wffc recording: web-0 refused by the scheduler (no volume to bind) on the no-provisioner class "manual-wffc"
        var timeline = RecordedStorage.Timeline("pending-wffc");
        var wffc = new StorageClassProfile("manual-wffc", "kubernetes.io/no-provisioner", "WaitForFirstConsumer", "Delete", false, false);

        // When / Then with the class read, and with the binding mode inferred from the claim's events
        ClaimSupply.Check(timeline, "data", "web", 1, wffc).ShouldFail(
            "claim data-web-0 stayed Pending: PVC data-web-0 is Pending: storageClassName=manual-wffc provides no volume for pod web-0",
            "the scheduler refused the pod because no node had a volume to bind (event FailedScheduling: ");
        ClaimSupply.Check(timeline, "data", "web", 1, null).ShouldFail("storageClassName=manual-wffc provides no volume for pod web-0");
    }

    [Test]
    public void ClaimSupply_BoundClaims_PassesLeavingTheTimeoutToTheHarness()
    {
        // Given every claim Bound (scale-up-supply, ordered-lifecycle)
        var scaled = RecordedStorage.Timeline("scale-up-supply");
        var lifecycle = RecordedStorage.Timeline("ordered-lifecycle");

        // When / Then neither is a class that provides no volume
        ClaimSupply.Check(scaled, "data", "web", 6, null).ShouldPass();
        ClaimSupply.Check(lifecycle, "data", "web", 3, null).ShouldPass();
    }
}
