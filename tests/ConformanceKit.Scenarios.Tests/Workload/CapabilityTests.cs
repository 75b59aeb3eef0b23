using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class CapabilityTests
{
    [TestCase("", PromiseOutcome.Check, "(podManagementPolicy OrderedReady, 3 replicas)")]
    [TestCase("podManagementPolicy: OrderedReady", PromiseOutcome.Check, "pod i is created only after pod i-1 is Ready")]
    [TestCase("podManagementPolicy: Parallel", PromiseOutcome.Violation, "podManagementPolicy is Parallel: its pods are created together")]
    public void Creation_Policy_DecidesTheOrderingVerdict(string policy, PromiseOutcome outcome, string reason)
    {
        // When
        var verdict = OrderingCapability.Creation(WorkloadSets.Set(policy));

        // Then
        verdict.Outcome.ShouldBe(outcome);
        verdict.Reason.ShouldContain(reason);
    }

    [Test]
    public void Ordering_OneReplica_IsSkippedAndParallelScaleDownIsAViolation()
    {
        // Given one replica, and (the other case) Parallel
        var single = WorkloadSets.Set().Also(s => s.Spec.Replicas = 1);
        var parallel = WorkloadSets.Set("podManagementPolicy: Parallel");

        // When / Then
        OrderingCapability.Creation(single).ShouldBe(PromiseVerdict.Skip(WorkloadPromises.OrderedCreation, "replicas is 1: an order needs at least two pods; set replicas to 2 or more"));
        OrderingCapability.ScaleDown(parallel).Outcome.ShouldBe(PromiseOutcome.Violation);
        OrderingCapability.ScaleDown(WorkloadSets.Set()).Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [Test]
    public void Readiness_UsersOwnProbe_IsNamedAndWithoutOneTheReasonSaysSo()
    {
        // Given one set with an exec readiness probe and one without
        var probed = WorkloadSets.Set(extraContainer: "readinessProbe:\n  exec: {command: [pg_isready, -U, postgres]}");
        var bare = WorkloadSets.Set();

        // When
        var withProbe = ReadinessSource.Judge(probed);
        var without = ReadinessSource.Judge(bare);

        // Then
        withProbe.Reason.ShouldBe("Ready is the workload's own readiness probe: main (exec pg_isready -U postgres)");
        without.Reason.ShouldStartWith("no container has a readinessProbe, so Ready means every container started");
    }

    [Test]
    public void Storage_NoClaimTemplates_SkipsEveryStoragePromiseWithTheReason()
    {
        // Given a set without volumeClaimTemplates
        var verdicts = WorkloadCapabilities.Judge(WorkloadSets.Set());

        // When
        var storage = verdicts.Where(v => v.Promise is WorkloadPromises.PerPodStorage or WorkloadPromises.ClaimsSurviveScaleToZero
            or WorkloadPromises.ClaimsSurviveTheSet or WorkloadPromises.DataMarkers).ToList();

        // Then
        storage.Count.ShouldBe(4);
        storage.ShouldAllBe(v => v.Outcome == PromiseOutcome.Skip && v.Reason.StartsWith("the StatefulSet has no volumeClaimTemplates"));
        WorkloadCapabilities.Judge(WorkloadSets.WithData()).Where(v => v.Promise == WorkloadPromises.PerPodStorage).Single().Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [Test]
    public void Retention_WhenDeletedDelete_IsAViolationOfClaimsSurviveTheSetOnly()
    {
        // Given
        var set = WorkloadSets.WithData("persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}");

        // When / Then
        StorageCapability.SurviveTheSet(set).ShouldBe(PromiseVerdict.Violation(WorkloadPromises.ClaimsSurviveTheSet,
            "persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: deleting the StatefulSet deletes its claims, so the data does not survive the set"));
        StorageCapability.SurviveScaleToZero(set).Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [Test]
    public void Retention_WhenScaledDelete_IsAViolationOfTheScaleToZeroPromise()
    {
        // Given whenScaled Delete, and the default policy as control
        var deleting = WorkloadSets.WithData("persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}");

        // When / Then
        StorageCapability.SurviveScaleToZero(deleting).Outcome.ShouldBe(PromiseOutcome.Violation);
        StorageCapability.SurviveScaleToZero(deleting).Reason.ShouldStartWith("persistentVolumeClaimRetentionPolicy.whenScaled is Delete");
        StorageCapability.SurviveTheSet(deleting).Outcome.ShouldBe(PromiseOutcome.Check);
        StorageCapability.SurviveScaleToZero(WorkloadSets.WithData()).Reason.ShouldEndWith("(whenScaled Retain)");
    }

    [Test]
    public void RestartTrigger_Strategy_DecidesWhetherTheRollingUpdateIsChecked()
    {
        // Given the default strategy, OnDelete, and a partition at the replica count
        var rolling = WorkloadSets.Set();
        var onDelete = WorkloadSets.Set("updateStrategy: {type: OnDelete}");
        var fullPartition = WorkloadSets.Set("updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 3}}");
        var partition = WorkloadSets.Set("updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}");

        // When / Then
        RestartTrigger.Judge(rolling).Reason.ShouldContain("replaces every pod from the highest ordinal down");
        RestartTrigger.Judge(onDelete).ShouldBe(PromiseVerdict.Skip(WorkloadPromises.RollingUpdate,
            "updateStrategy is OnDelete: a template change replaces no pod until the pod is deleted, so there is no rolling update to check"));
        RestartTrigger.Judge(fullPartition).Outcome.ShouldBe(PromiseOutcome.Skip);
        RestartTrigger.Judge(partition).Reason.ShouldContain("replaces ordinals 1..2");
    }

    [Test]
    public void RestartTrigger_Patch_SetsTheRestartedAtAnnotationAndAlwaysChangesIt()
    {
        // Given a set whose template already carries the annotation at 10:00:00
        var at = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
        var fresh = WorkloadSets.Set();
        var restarted = WorkloadSets.Set();
        restarted.Spec.Template.Metadata.Annotations = new Dictionary<string, string> { [RestartTrigger.Annotation] = "2026-12-05T10:00:00Z" };

        // When
        var patch = RestartTrigger.PatchJson(fresh, at);

        // Then
        patch.ShouldBe("""{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-12-05T10:00:00Z"}}}}}""");
        RestartTrigger.Value(restarted, at).ShouldBe("2026-12-05T10:00:01Z");
        RestartTrigger.Patch(fresh, at).Type.ShouldBe(k8s.Models.V1Patch.PatchType.MergePatch);
    }

    [Test]
    public void Judge_EveryPromise_HasOneVerdict()
    {
        // When
        var verdicts = WorkloadCapabilities.Judge(WorkloadSets.WithData());

        // Then
        verdicts.Select(v => v.Promise).ShouldBe(
        [
            "StableNames", "StableDns", "Readiness", "OrderedCreation", "OrderedScaleDown", "PerPodStorage",
            "ClaimsSurviveScaleToZero", "ClaimsSurviveTheSet", "DataMarkers", "RollingUpdate",
        ]);
        verdicts[0].Reason.ShouldStartWith("pods db-0..db-2, each with hostname == pod name");
        verdicts.ShouldAllBe(v => v.Outcome == PromiseOutcome.Check);
    }

    [Test]
    public void Judge_ASetOfZeroReplicas_SkipsEveryPromiseNamingTheReplicas()
    {
        // Given a set scaled to 0 (every check would pass on no pod)
        var set = WorkloadSets.WithData();
        set.Spec.Replicas = 0;

        // When
        var verdicts = WorkloadCapabilities.Judge(set);

        // Then all ten are skipped with the reason, and none is left to run
        verdicts.Count.ShouldBe(10);
        verdicts.ShouldAllBe(v => v.Outcome == PromiseOutcome.Skip && v.Reason.StartsWith("spec.replicas is 0: there is no pod to check"));
    }

    [Test]
    public void Judge_ASetOfOneReplica_NamesItsOnePod_AndSkipsOnlyTheOrderingPromises()
    {
        // Given a set of one replica
        var set = WorkloadSets.WithData();
        set.Spec.Replicas = 1;

        // When
        var verdicts = WorkloadCapabilities.Judge(set);

        // Then the names promise names the one pod, and only the two ordering promises are skipped
        verdicts[0].Reason.ShouldStartWith("pod db-0, with hostname == pod name");
        verdicts.Where(v => v.Outcome == PromiseOutcome.Skip).Select(v => v.Promise).ShouldBe(["OrderedCreation", "OrderedScaleDown"]);
    }
}
