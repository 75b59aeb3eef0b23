using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>Scenario 3: scaling 3 → 0 removes 2, then 1, then 0, each only after the higher one is gone.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class OrderedScaleDownScenario : ScenarioTest
{
    [Test]
    public async Task ScaleToZero_RemovesTheHighestOrdinalFirst_EachAfterTheNextIsGone()
    {
        // Given a Ready StatefulSet of 3 (OrderedReady)
        var set = SetParameters("web", StatefulSetVariant.Basic);
        await CreateSetAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When it is scaled to 0
        var scaledAt = await Steps.ScaleAsync(set.Name, 0, Cancellation);
        await Steps.WaitNoPodsAsync(set.Name, Cancellation);

        // Then pods went in reverse order, one at a time
        Verify(OrderedScaleDown.Check(Recorder.BuildTimeline(), set.Name, 3, 0, scaledAt));
    }

    [Test]
    public async Task Parallel_ScaleToZero_FailsTheOrderedScaleDownCheck()
    {
        // Given a Ready StatefulSet of 3 with podManagementPolicy Parallel (the negative control)
        var set = SetParameters("web", StatefulSetVariant.Basic, PodManagementPolicy.Parallel);
        await CreateSetAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When it is scaled to 0
        var scaledAt = await Steps.ScaleAsync(set.Name, 0, Cancellation);
        await Steps.WaitNoPodsAsync(set.Name, Cancellation);

        // Then the ordered scale-down check fails: deletions were requested together
        VerifyControlFails(OrderedScaleDown.Check(Recorder.BuildTimeline(), set.Name, 3, 0, scaledAt));
    }
}
