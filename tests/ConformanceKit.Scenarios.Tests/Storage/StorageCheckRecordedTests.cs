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
    public void ClaimSupply_BoundClaimsOrAWaitForTheConsumer_PassesLeavingTheTimeoutToTheHarness()
    {
        // Given every claim Bound (scale-up-supply), and a WaitForFirstConsumer claim whose pod is not scheduled (pending-wffc)
        var bound = RecordedStorage.Timeline("scale-up-supply");
        var waiting = RecordedStorage.Timeline("pending-wffc");
        var wffc = new StorageClassProfile("manual-wffc", "kubernetes.io/no-provisioner", "WaitForFirstConsumer", "Delete", false, false);

        // When / Then neither is a class that provides no volume
        ClaimSupply.Check(bound, "data", "web", 6, null).ShouldPass();
        ClaimSupply.Check(waiting, "data", "web", 1, wffc).ShouldPass();
    }
}
