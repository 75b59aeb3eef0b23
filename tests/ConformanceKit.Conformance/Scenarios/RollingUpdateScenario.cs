using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 9: with the default RollingUpdate strategy a template change replaces pods from the highest ordinal down,
/// pod i only once pod i+1 is Running and Ready at the update revision, and ends with currentRevision ==
/// updateRevision. The held variant keeps the updated pod un-Ready to show the next one waits; the control replaces
/// pods in forward order (OnDelete, deleting 0, 1, 2) and must fail the reverse-order check.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class RollingUpdateScenario : UpdateScenarioTest
{
    [Test]
    public async Task TemplateChange_ReplacesPodsHighestOrdinalFirst_EachAfterThePodAboveIsReadyAtTheNewRevision()
    {
        // Given a Ready set of 3 at REVISION v1 with the default RollingUpdate strategy
        var set = UpdatableSet(null);
        await CreateReadyAsync(set);

        // When its template changes to v2 and the rollout completes
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, generation, Cancellation);

        // Then pods were replaced 2, 1, 0, each after the one above was Ready at the new revision
        Verify(RollingUpdateOrder.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, changedAt));
    }

    [Test]
    public async Task WhileTheUpdatedPodAboveIsHeldUnReady_TheNextPodIsNotTouched()
    {
        // Given a held set of 3 (Ready only once /tmp/ready exists), every pod released and Ready at v1
        var set = UpdatableSet(null, StatefulSetVariant.HeldReadiness);
        await CreateSetAsync(set);
        for (var i = 0; i < set.Replicas; i++)
        {
            await Recorder.WaitUntilAsync(v => v.Pods.TryGetValue(set.PodName(i), out var p) && NamespaceView.IsHeldUnready(p), StepTimeout, $"{set.PodName(i)} held", Cancellation);
            await Commands.ReleaseAsync(set.PodName(i), Cancellation);
        }

        var before = await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);
        var uids = Uids(before, set.Name);

        // When the template changes to v2
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        var releases = new Dictionary<int, DateTimeOffset>();
        for (var held = set.Replicas - 1; held >= 0; held--)
        {
            // and the updated pod comes up held un-Ready, and a controller sync has seen it so (the partition moves to
            // just above the held ordinal and back: the controller still stops at the held pod either way)
            var pod = set.PodName(held);
            await Updates.WaitReplacedAsync(pod, uids[held], NamespaceView.IsHeldUnready, "held un-Ready", Cancellation);
            if (held > 0)
            {
                await Updates.SyncWithPartitionAsync(set.Name, held, 0, Cancellation);

                // Then the pod below it is untouched: still there, same UID, not terminating
                Recorder.Current.Pods.TryGetValue(set.PodName(held - 1), out var below)
                    .ShouldBeTrue($"{set.PodName(held - 1)} should not be deleted while {pod} is held un-Ready");
                below!.Metadata.Uid.ShouldBe(uids[held - 1], $"{set.PodName(held - 1)} should not be replaced while {pod} is held un-Ready");
                below.Metadata.DeletionTimestamp.ShouldBeNull($"{set.PodName(held - 1)} should not be deleted while {pod} is held un-Ready");
            }

            releases[held] = await Commands.ReleaseAsync(pod, Cancellation);
        }

        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, generation, Cancellation);
        var timeline = Recorder.BuildTimeline();
        Verify(RollingUpdateOrder.CheckHeld(timeline, set.Name, 2, changedAt, releases[2]));
        Verify(RollingUpdateOrder.CheckHeld(timeline, set.Name, 1, changedAt, releases[1]));
        Verify(RollingUpdateOrder.Check(timeline, set.Name, set.Replicas, changedAt));
    }

    [Test]
    public async Task ForwardOrderReplacement_DrivenWithOnDelete_FailsTheReverseOrderCheck()
    {
        // Given a Ready OnDelete set of 3 at v1 whose template changed to v2, seen by a controller sync
        var set = UpdatableSet(UpdateStrategyParameters.OnDelete);
        var uids = await CreateReadyAsync(set);
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        await Updates.WaitSyncedAsync(set.Name, generation, Cancellation);

        // When the test replaces the pods in forward order: 0, 1, 2, each once the previous one is back and Ready
        for (var i = 0; i < set.Replicas; i++)
        {
            await Steps.DeletePodAsync(set.PodName(i), Cancellation);
            await Updates.WaitReplacedAsync(set.PodName(i), uids[i], NamespaceView.IsReady, "Ready", Cancellation);
        }

        // Then the reverse-order check fails on the order
        VerifyControlFails(RollingUpdateOrder.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, changedAt),
            "the update did not go from the highest ordinal down");
    }
}
