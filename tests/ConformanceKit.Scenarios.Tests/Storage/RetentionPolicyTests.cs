using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>
/// persistentVolumeClaimRetentionPolicy on the recordings: retention-policy-delete (whenScaled and whenDeleted Delete)
/// and ordered-lifecycle (the default Retain). Each recording is the other's negative control.
/// </summary>
public sealed class RetentionPolicyTests
{
    private static Timeline.Timeline DeletePolicy => RecordedStorage.Timeline("retention-policy-delete");

    private static Timeline.Timeline DefaultRetain => RecordedStorage.Timeline("ordered-lifecycle");

    [Test]
    public void WhenScaledDelete_Recording_DeletesTheScaledAwayClaimsAndKeepsTheFirst()
    {
        // Given 3 → 1 with whenScaled=Delete, judged until the set deletion
        var t = DeletePolicy;

        // When
        var result = RetentionPolicyCheck.WhenScaled(t, "data", "web", 3, 1, t.StepTime("scaled to 1"), "Delete", t.StepTime("deleted statefulset"));

        // Then the claims were deleted, owned by their pods as the controller hands them over
        result.ShouldPass();
        result.Details.ShouldContain(d => d.StartsWith("data-web-2 (984940a1)", StringComparison.Ordinal) && d.Contains("owners [StatefulSet/web, Pod/web-2]", StringComparison.Ordinal));
    }

    [Test]
    public void WhenScaledRetain_DeletePolicyRecording_Fails()
    {
        // Given the same recording judged as if whenScaled were Retain (negative control)
        var t = DeletePolicy;

        // When
        var result = RetentionPolicyCheck.WhenScaled(t, "data", "web", 3, 1, t.StepTime("scaled to 1"), "Retain", t.StepTime("deleted statefulset"));

        // Then data-web-1 (deleted within the second of the set deletion) is owned by its pod, data-web-2 was deleted before
        result.ShouldFail("claim data-web-1 is owned by Pod/web-1, so the garbage collector deletes it with its owner, although whenScaled=Retain keeps it");
        result.Details.ShouldContain(d => d.StartsWith("claim data-web-2 of the scaled-away web-2 was deleted at", StringComparison.Ordinal) && d.EndsWith("although whenScaled=Retain keeps it", StringComparison.Ordinal));
    }

    [Test]
    public void WhenDeletedDelete_Recording_DeletesTheRemainingClaim()
    {
        // Given the set (1 replica left) deleted with whenDeleted=Delete; in a second reading judged as Retain
        var t = DeletePolicy;

        // When / Then
        RetentionPolicyCheck.WhenDeleted(t, "data", "web", 1, t.StepTime("deleted statefulset"), "Delete", t.StepTime("namespace retention-policy-delete deleted"))
            .ShouldPass().Message.ShouldBe("deleting web deleted its 1 claims");
        RetentionPolicyCheck.WhenDeleted(t, "data", "web", 1, t.StepTime("deleted statefulset"), "Retain", t.StepTime("namespace retention-policy-delete deleted"))
            .ShouldFail("claim data-web-0 was deleted at", "although whenDeleted=Retain keeps it");
    }

    [Test]
    public void DefaultRetain_Recording_KeepsClaimsOnScaleAndDeletion_AndDeleteExpectationsFail()
    {
        // Given ordered-lifecycle: scaled 3 → 0, then the set deleted and re-created (no policy: Retain)
        var t = DefaultRetain;
        var scaled = t.StepTime("scaled to 0");
        var deleted = t.StepTime("deleted statefulset");
        var recreated = t.StepTime("re-applied statefulset");

        // When / Then
        RetentionPolicyCheck.WhenScaled(t, "data", "web", 3, 0, scaled, "Retain", deleted).ShouldPass();
        RetentionPolicyCheck.WhenDeleted(t, "data", "web", 3, deleted, "Retain", recreated).ShouldPass();
        RetentionPolicyCheck.WhenScaled(t, "data", "web", 3, 0, scaled, "Delete", deleted)
            .ShouldFail("claim data-web-0 of the scaled-away web-0 was deleted only at 21:53:37Z (server), after 21:53:15.188 (whenScaled=Delete)");
        RetentionPolicyCheck.WhenDeleted(t, "data", "web", 3, deleted, "Delete", recreated).ShouldFail("claim data-web-0 was not deleted with web (whenDeleted=Delete)");
    }

    [Test]
    public void Remounted_DefaultRetainRecording_RebindsTheSameClaims_DeletePolicyRecordingDoesNot()
    {
        // Given the re-created set of ordered-lifecycle, and the deleted claims of retention-policy-delete
        var retain = DefaultRetain;
        var delete = DeletePolicy;

        // When / Then
        RetentionPolicyCheck.Remounted(retain, "data", "web", [0, 1, 2], retain.StepTime("deleted statefulset"), retain.StepTime("re-applied statefulset")).ShouldPass();
        RetentionPolicyCheck.Remounted(delete, "data", "web", [1, 2], delete.StepTime("scaled to 1"), delete.StepTime("deleted statefulset"))
            .ShouldFail("claim data-web-1 was deleted at", "before it was mounted again");
    }

    [Test]
    public void Retain_ClaimsOwnedByWhatIsDeleted_Fail()
    {
        // Given ordered-lifecycle's claims, as if the controller had given them owners (the Delete policies' mechanism)
        var t = DefaultRetain;
        var owned = t with { Claims = [.. t.Claims.Select(c => c with { Owners = ["StatefulSet/web", $"Pod/{c.Name["data-".Length..]}"] })] };

        // When / Then
        RetentionPolicyCheck.WhenScaled(owned, "data", "web", 3, 0, t.StepTime("scaled to 0"), "Retain", t.StepTime("deleted statefulset"))
            .ShouldFail("claim data-web-0 is owned by Pod/web-0");
        RetentionPolicyCheck.WhenDeleted(owned, "data", "web", 3, t.StepTime("deleted statefulset"), "Retain", t.StepTime("re-applied statefulset"))
            .ShouldFail("claim data-web-0 is owned by StatefulSet/web");
    }

    [Test]
    public void Remounted_ClaimRecreatedUnderTheSameName_Fails()
    {
        // Given data-web-1 deleted and created again before the scale-up
        var timeline = Hand.OrderedLifecycle() with
        {
            Pods = [.. Hand.OrderedLifecycle().Pods, Hand.Pod("web-1", "new-1", 40, ready: 42, claim: "data-web-1")],
            Claims = [Hand.Claim("data-web-1", "c1", 2, "pv-1", deleted: 30), Hand.Claim("data-web-1", "c1-again", 35, "pv-7")],
        };

        // When / Then
        RetentionPolicyCheck.Remounted(timeline, "data", "web", [1], Hand.At(20), Hand.At(39)).ShouldFail("claim data-web-1 was re-created (2 UIDs)");
    }

    [Test]
    public void Support_StoredPolicy_IsReadBackFromWhatTheServerStored()
    {
        // Given what the v1.26 server with the gate on stored, and a set as a server with the gate off stores it
        var stored = KubernetesJson.Deserialize<V1StatefulSetPersistentVolumeClaimRetentionPolicy>(
            SharedData.Text("recorded-k8s-1.26", "retention-policy-delete", "stored-retention-policy.json"));
        var withPolicy = new V1StatefulSet { Metadata = new() { Name = "web" }, Spec = new() { PersistentVolumeClaimRetentionPolicy = stored } };
        var dropped = new V1StatefulSet { Metadata = new() { Name = "web" }, Spec = new() };

        // When / Then
        RetentionPolicySupport.SkipReason(withPolicy).ShouldBeNull();
        RetentionPolicySupport.Mismatch(withPolicy, "Delete", "Delete").ShouldBeNull();
        RetentionPolicySupport.Mismatch(withPolicy, "Retain", "Delete").ShouldBe(
            "the server stored persistentVolumeClaimRetentionPolicy {whenScaled: Delete, whenDeleted: Delete}, not the applied {whenScaled: Retain, whenDeleted: Delete}");
        RetentionPolicySupport.SkipReason(dropped).ShouldBe(
            "the server did not store spec.persistentVolumeClaimRetentionPolicy of StatefulSet web: its StatefulSetAutoDeletePVC feature gate is off (alpha in v1.23-v1.26, beta and on by default from v1.27)");
    }
}
