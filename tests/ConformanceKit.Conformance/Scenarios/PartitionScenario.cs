using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 10: with rollingUpdate.partition 2 a template change moves only web-2 to the update revision, web-0 and
/// web-1 keep the current one (proved after a controller sync that saw web-2 Ready); lowering the partition to 0 rolls
/// the rest, highest first. Control: the check that expects every pod updated must fail while the partition holds.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class PartitionScenario : UpdateScenarioTest
{
    private const int Partition = 2;

    [Test]
    public async Task Partition_MovesOnlyOrdinalsAtOrAboveIt_AndLoweringItRollsTheRestHighestFirst()
    {
        // Given a Ready set of 3 at v1 with partition 2
        var set = UpdatableSet(UpdateStrategyParameters.RollingUpdate(partition: Partition));
        var uids = await CreateReadyAsync(set);

        // When the template changes to v2, web-2 comes back Ready, and a controller sync has seen it Ready (the
        // partition moves to 3 and back: with either value no pod below 2 may move)
        var (changedAt, generation) = await ReapplyAsync(set with { Revision = "v2" }, "changed the template with partition 2");
        await Updates.WaitSyncedAsync(set.Name, generation, Cancellation);
        await Updates.WaitReplacedAsync(set.PodName(2), uids[2], NamespaceView.IsReady, "Ready", Cancellation);
        await Updates.SyncWithPartitionAsync(set.Name, Partition + 1, Partition, Cancellation);
        var heldAt = Recorder.MarkStep($"partition {Partition} held through a controller sync");
        var whileHeld = Recorder.BuildTimeline();

        // Then only web-2 moved, and the check that expects every pod at the new revision fails
        Verify(PartitionedUpdate.Check(whileHeld, set.Name, set.Replicas, Partition, changedAt, heldAt));
        VerifyControlFails(RollingUpdateOrder.Check(whileHeld, set.Name, set.Replicas, changedAt, heldAt), "was never replaced by a pod at the update revision");

        // When the partition is lowered to 0
        var (loweredAt, lowered) = await ReapplyAsync(set with { Revision = "v2", UpdateStrategy = UpdateStrategyParameters.RollingUpdate(partition: 0) }, "lowered the partition to 0");
        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, lowered, Cancellation);

        // Then web-1 and web-0 followed, highest first, and web-2 was left alone
        Verify(RollingUpdateOrder.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, loweredAt));
    }
}
