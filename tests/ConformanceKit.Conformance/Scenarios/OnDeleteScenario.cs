using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 11: with the OnDelete strategy a template change replaces no pod, proved once a controller sync has
/// reported the change's generation; a deleted pod comes back at the update revision and the others stay. Control: a
/// RollingUpdate set replaces its pods by itself and must fail the OnDelete check.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class OnDeleteScenario : UpdateScenarioTest
{
    private const int Deleted = 1;

    [Test]
    public async Task TemplateChange_ReplacesNoPod_AndADeletedPodComesBackAtTheNewRevision()
    {
        // Given a Ready OnDelete set of 3 at v1
        var set = UpdatableSet(UpdateStrategyParameters.OnDelete);
        var uids = await CreateReadyAsync(set);

        // When the template changes to v2 and a controller sync has reported that generation
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        var synced = await Updates.WaitSyncedAsync(set.Name, generation, Cancellation);

        // Then no pod was replaced
        Uids(synced, set.Name).ShouldBe(uids, ignoreOrder: true, "OnDelete must not replace pods after a template change");
        synced.PodsOf(set.Name).Values.ShouldAllBe(p => p.Metadata.DeletionTimestamp == null);

        // When web-1 is deleted, comes back Ready, and the controller has counted it updated
        var deletedAt = await Steps.DeletePodAsync(set.PodName(Deleted), Cancellation);
        await Updates.WaitReplacedAsync(set.PodName(Deleted), uids[Deleted], NamespaceView.IsReady, "Ready", Cancellation);
        // (at least 1: a controller that wrongly rolls the set by itself counts more, and the check then says which pods moved)
        await Recorder.WaitUntilAsync(v => v.Timeline.StatefulSet(set.Name)?.Last is { UpdatedReplicas: >= 1, ReadyReplicas: 3 }, StepTimeout,
            $"{set.Name} reporting an updated replica and 3 Ready replicas", Cancellation);
        var until = Recorder.MarkStep("replacement counted by the controller");

        // Then it came back at the update revision and the others stayed at the current one
        Verify(OnDeleteUpdate.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, changedAt, generation, Deleted, deletedAt, until));
    }

    [Test]
    public async Task RollingUpdate_ReplacesPodsByItself_AndFailsTheOnDeleteCheck()
    {
        // Given the same set with the default RollingUpdate strategy (the negative control)
        var set = UpdatableSet(null);
        await CreateReadyAsync(set);

        // When the template changes, the rollout completes, and web-1 is deleted as in the OnDelete test
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        var rolled = await Updates.WaitRolledOutAsync(set.Name, set.Replicas, generation, Cancellation);
        var deletedAt = await Steps.DeletePodAsync(set.PodName(Deleted), Cancellation);
        await Updates.WaitReplacedAsync(set.PodName(Deleted), rolled.PodsOf(set.Name)[Deleted].Metadata.Uid, NamespaceView.IsReady, "Ready", Cancellation);

        // Then the OnDelete check fails: pods moved before the test deleted any
        VerifyControlFails(OnDeleteUpdate.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, changedAt, generation, Deleted, deletedAt),
            "OnDelete replaces no pod by itself");
    }
}
