using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>Scenario 4: pods deleted all at once come back with the same names, in order, with new UIDs.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ReplacementScenario : ScenarioTest
{
    [Test]
    public async Task DeletingAllPods_RecreatesTheSameNamesInOrderWithNewUids()
    {
        // Given a Ready StatefulSet of 3
        var set = SetParameters("web", StatefulSetVariant.Basic);
        await CreateSetAsync(set);
        var before = await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);
        var oldUids = before.PodsOf(set.Name).Values.Select(p => p.Metadata.Uid).ToHashSet();

        // When every pod is deleted by label
        var deletedAt = await Steps.DeletePodsAsync(set.PodSelector, Cancellation);
        var after = await Recorder.WaitUntilAsync(
            v => v.AllReady(set.Name, set.Replicas) && v.PodsOf(set.Name).Values.All(p => !oldUids.Contains(p.Metadata.Uid)),
            StepTimeout, $"all {set.Replicas} pods of {set.Name} replaced and Ready", Cancellation);

        // Then the same names came back in order 0, 1, 2 with new UIDs (IPs reported)
        foreach (var (ordinal, pod) in after.PodsOf(set.Name).OrderBy(p => p.Key))
        {
            Note($"{set.PodName(ordinal)}: {before.PodsOf(set.Name)[ordinal].Status?.PodIP} -> {pod.Status?.PodIP}");
        }

        Verify(Replacement.Check(Recorder.BuildTimeline(), set.Name, set.Replicas, deletedAt));
    }
}
