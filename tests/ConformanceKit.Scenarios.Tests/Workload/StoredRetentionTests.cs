using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>
/// The claim-survival promises judged on the StatefulSet the server stored: the recorded v1.26 server (gate on) kept
/// the Delete policy, v1.28 defaults an absent policy to Retain, and a server with the gate off drops it (hand-built).
/// </summary>
public sealed class StoredRetentionTests
{
    private const string DeletePolicy = "persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}";

    [Test]
    public void Decide_TheServerStoredTheDeletePolicy_BothSurvivalPromisesAreViolationsNamingIt()
    {
        // Given a manifest with Delete policies, and the set the recorded v1.26 server stored with them
        var declared = WorkloadSets.WithData(DeletePolicy);
        var stored = StoredSet("retention-policy-delete");

        // When each survival promise is judged on what was stored
        var scaled = StoredRetention.Decide(WorkloadPromises.ClaimsSurviveScaleToZero, declared, stored);
        var deleted = StoredRetention.Decide(WorkloadPromises.ClaimsSurviveTheSet, declared, stored);

        // Then both are violations naming the stored setting
        scaled.Outcome.ShouldBe(PromiseOutcome.Violation);
        scaled.Reason.ShouldStartWith("persistentVolumeClaimRetentionPolicy.whenScaled is Delete");
        deleted.Outcome.ShouldBe(PromiseOutcome.Violation);
        deleted.Reason.ShouldStartWith("persistentVolumeClaimRetentionPolicy.whenDeleted is Delete");
    }

    [Test]
    public void Decide_TheServerDroppedTheDeletePolicy_ThePromiseIsChecked_AndTheReasonSaysWhy()
    {
        // Given the same manifest, and what a server with StatefulSetAutoDeletePVC off stores: the set without the field
        var declared = WorkloadSets.WithData(DeletePolicy);
        var stored = StoredSet("retention-policy-delete");
        stored.Spec.PersistentVolumeClaimRetentionPolicy = null;

        // When the promise is judged on it (the manifest alone calls it a violation: the control)
        var verdict = StoredRetention.Decide(WorkloadPromises.ClaimsSurviveTheSet, declared, stored);

        // Then it is checked, and the reason names the dropped policy and the gate
        StorageCapability.SurviveTheSet(declared).Outcome.ShouldBe(PromiseOutcome.Violation);
        verdict.Outcome.ShouldBe(PromiseOutcome.Check);
        verdict.Reason.ShouldContain("the manifest sets persistentVolumeClaimRetentionPolicy {whenScaled: Delete, whenDeleted: Delete} but the server did not store it");
        verdict.Reason.ShouldContain("StatefulSetAutoDeletePVC");
    }

    [Test]
    public void Decide_NoPolicyInTheManifest_TheRecordedV128DefaultRetainIsChecked_WithoutADroppedNote()
    {
        // Given a manifest without a policy, and the recorded v1.28 set that server stored with its default Retain/Retain
        var declared = WorkloadSets.WithData();
        var stored = StoredSet("recorded-k8s-1.28/liveness-restart");

        // When
        var verdict = StoredRetention.Decide(WorkloadPromises.ClaimsSurviveScaleToZero, declared, stored);

        // Then it is checked, as Retain
        stored.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled.ShouldBe("Retain");
        verdict.Outcome.ShouldBe(PromiseOutcome.Check);
        verdict.Reason.ShouldContain("whenScaled Retain");
        verdict.Reason.ShouldNotContain("did not store");
    }

    [Test]
    public void Decide_APromiseOtherThanClaimSurvival_IsRefusedNamingIt()
    {
        // Given / When / Then
        Should.Throw<ArgumentException>(() => StoredRetention.Decide(WorkloadPromises.OrderedCreation, WorkloadSets.WithData(), WorkloadSets.WithData()))
            .Message.ShouldContain($"'{WorkloadPromises.OrderedCreation}' is not judged on the stored retention policy");
    }

    [Test]
    public void Violation_WithTheRecordedDeletion_CarriesTheDeletedClaimAsEvidence_AKeptClaimIsNoEvidence()
    {
        // Given the whenDeleted violation, the recording where the claim went with the set, and one where it stayed (control)
        var verdict = StoredRetention.Decide(WorkloadPromises.ClaimsSurviveTheSet, WorkloadSets.WithData(DeletePolicy), StoredSet("retention-policy-delete"));
        var deleted = RecordedStorage.Timeline("retention-policy-delete");
        var kept = RecordedStorage.Timeline("ordered-lifecycle");

        // When the promise's own check (the claims are kept) is run over each as the violation's evidence
        var shown = PromiseGate.Violation(verdict, RetentionPolicyCheck.WhenDeleted(deleted, "data", "web", 1, deleted.StepTime("deleted statefulset"), "Retain"));
        var notShown = PromiseGate.Violation(verdict, RetentionPolicyCheck.WhenDeleted(kept, "data", "web", 3, kept.StepTime("deleted statefulset"), "Retain", kept.StepTime("re-applied statefulset")));

        // Then both fail as the violation; only the first says the timeline shows the deletion
        shown.ShouldFail("whenDeleted is Delete", "the timeline shows it: ", "claim data-web-0 was deleted at");
        notShown.ShouldFail("whenDeleted is Delete", "this time the timeline happened to show it");
    }

    private static V1StatefulSet StoredSet(string folder) =>
        Recorded.StatefulSets(folder).First().Object ?? throw new InvalidOperationException($"no StatefulSet recorded in {folder}");
}
