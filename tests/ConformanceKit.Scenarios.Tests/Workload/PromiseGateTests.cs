using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>What a live workload scenario does with each verdict: run the check, skip with the reason, or fail as a violation naming the setting.</summary>
public sealed class PromiseGateTests
{
    [Test]
    public void Decide_OrderedReadySetWithClaims_LetsEveryPromiseRun()
    {
        // Given an OrderedReady set of 3 with a claim template mounted writable
        var set = WorkloadSets.WithData();

        // When each promise is decided
        var outcomes = WorkloadCapabilities.Judge(set).Select(v => PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, v.Promise).Outcome);

        // Then every one is checked
        outcomes.ShouldAllBe(o => o == PromiseOutcome.Check);
    }

    [Test]
    public void Decide_SkippedPromise_KeepsTheVerdictsReason()
    {
        // Given a set without claim templates
        var set = WorkloadSets.Set();

        // When
        var verdict = PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.PerPodStorage);

        // Then the skip carries why
        verdict.Outcome.ShouldBe(PromiseOutcome.Skip);
        verdict.Reason.ShouldContain("no volumeClaimTemplates");
    }

    [Test]
    public void Violation_ParallelSet_IsAFailedCheckNamingThePolicy()
    {
        // Given a Parallel set
        var set = WorkloadSets.Set("podManagementPolicy: Parallel");

        // When its ordering verdict is turned into a result
        var verdict = PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.OrderedCreation);
        var result = PromiseGate.Violation(verdict);

        // Then it fails under the promise's name, naming the setting
        verdict.Outcome.ShouldBe(PromiseOutcome.Violation);
        result.ShouldFail("podManagementPolicy is Parallel");
        result.Check.ShouldBe(WorkloadPromises.OrderedCreation);
    }

    [Test]
    public void Violation_DeleteRetentionPolicy_IsAFailedCheckNamingThePolicy()
    {
        // Given a set whose claims are deleted with it
        var set = WorkloadSets.WithData("persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}");

        // When / Then
        PromiseGate.Violation(PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.ClaimsSurviveTheSet))
            .ShouldFail("persistentVolumeClaimRetentionPolicy.whenDeleted is Delete");
        PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.ClaimsSurviveScaleToZero).Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [Test]
    public void Violation_OfACheckVerdict_IsRefused()
    {
        // Given a verdict that is not a violation (negative control: only violations become failed checks)
        var set = WorkloadSets.Set();

        // When / Then
        Should.Throw<ArgumentException>(() => PromiseGate.Violation(PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.StableNames)));
    }

    [Test]
    public void Violation_WithEvidence_FailsEvenWhenTheTimelineHappenedToBeInOrder()
    {
        // Given a Parallel set's verdict and a scale-down that happened to go in order, and one that did not
        var set = WorkloadSets.Set("podManagementPolicy: Parallel");
        var verdict = PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.OrderedScaleDown);
        var inOrder = OrderedScaleDown.Check(Hand.OrderedLifecycle(), "web", 3, 0, Hand.At(19));
        var together = OrderedScaleDown.Check(Hand.ParallelLifecycle(), "web", 3, 0, Hand.At(19));

        // When / Then both fail naming the policy, each with what the timeline showed
        inOrder.ShouldPass();
        PromiseGate.Violation(verdict, inOrder).ShouldFail("podManagementPolicy is Parallel", "happened to show it");
        together.Passed.ShouldBeFalse();
        PromiseGate.Violation(verdict, together).ShouldFail("podManagementPolicy is Parallel", "the timeline shows it", together.Message);
    }

    [Test]
    public void Decide_OrdinalsStartOtherThanZero_SkipsNamingIt_ButKeepsAViolation()
    {
        // Given sets whose ordinals start at 1
        var set = WorkloadSets.Set("ordinals: {start: 1}");
        var parallel = WorkloadSets.Set("ordinals: {start: 1}\npodManagementPolicy: Parallel");

        // When
        var names = PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, WorkloadPromises.StableNames);
        var ordering = PromiseGate.Decide(WorkloadCapabilities.Judge(parallel), parallel, WorkloadPromises.OrderedCreation);

        // Then the checks (ordinals from 0) are skipped with the reason; the manifest's violation stays one
        names.Outcome.ShouldBe(PromiseOutcome.Skip);
        names.Reason.ShouldContain("spec.ordinals.start is 1");
        ordering.Outcome.ShouldBe(PromiseOutcome.Violation);
    }

    [Test]
    public void Decide_UnknownPromise_IsRefused()
    {
        // Given / When / Then
        var set = WorkloadSets.Set();
        Should.Throw<ArgumentException>(() => PromiseGate.Decide(WorkloadCapabilities.Judge(set), set, "Teleport")).Message.ShouldContain("Teleport");
    }

    [Test]
    public void UpFront_ViolationOfASetCountingFromOne_FailsBeforeAnythingIsApplied_FromZeroTheRunShowsTheEvidence()
    {
        // Given Parallel sets whose ordinals start at 1 and at 0 (the control), and a checked promise (another control)
        var fromOne = WorkloadSets.Set("ordinals: {start: 1}\npodManagementPolicy: Parallel");
        var fromZero = WorkloadSets.Set("podManagementPolicy: Parallel");
        var checkedSet = WorkloadSets.Set();

        // When each verdict is asked whether it ends the test before the apply
        var upFront = PromiseGate.UpFront(PromiseGate.Decide(WorkloadCapabilities.Judge(fromOne), fromOne, WorkloadPromises.OrderedScaleDown), fromOne);
        var withEvidence = PromiseGate.UpFront(PromiseGate.Decide(WorkloadCapabilities.Judge(fromZero), fromZero, WorkloadPromises.OrderedScaleDown), fromZero);
        var check = PromiseGate.UpFront(PromiseGate.Decide(WorkloadCapabilities.Judge(checkedSet), checkedSet, WorkloadPromises.OrderedScaleDown), checkedSet);

        // Then the set counting from 1 (whose pods set-0..N-1 the waits would never see) fails at once naming the
        // policy and why nothing was applied; the others go on to the cluster
        upFront.ShouldNotBeNull().ShouldFail("podManagementPolicy is Parallel", "not applied: spec.ordinals.start is 1");
        upFront.Check.ShouldBe(WorkloadPromises.OrderedScaleDown);
        withEvidence.ShouldBeNull();
        check.ShouldBeNull();
    }
}
