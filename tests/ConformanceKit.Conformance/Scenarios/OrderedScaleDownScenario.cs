using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 3: scaling 3 → 0 removes 2, then 1, then 0, each only after the higher one is gone. Both tests use pods
/// that take a few seconds to terminate (a preStop delay), so the control differs from the positive case only by
/// its policy, and Parallel's overlapping deletions are certain to be observed rather than a matter of timing.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class OrderedScaleDownScenario : ScenarioTest
{
    // Each pod stays terminating at least this long: far longer than the controller takes to issue all of
    // Parallel's deletions in one sync, far shorter than the step timeout of OrderedReady's three sequential ones.
    private const int TerminationDelay = 3;

    [Test]
    public async Task ScaleToZero_RemovesTheHighestOrdinalFirst_EachAfterTheNextIsGone()
    {
        // Given a Ready StatefulSet of 3 (OrderedReady) whose pods take a few seconds to terminate
        var set = SetParameters("web", StatefulSetVariant.Basic) with { TerminationDelaySeconds = TerminationDelay };
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
        // Given the same StatefulSet with podManagementPolicy Parallel (the negative control)
        var set = SetParameters("web", StatefulSetVariant.Basic, PodManagementPolicy.Parallel) with { TerminationDelaySeconds = TerminationDelay };
        await CreateSetAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When it is scaled to 0
        var scaledAt = await Steps.ScaleAsync(set.Name, 0, Cancellation);
        await Steps.WaitNoPodsAsync(set.Name, Cancellation);

        // Then the ordered scale-down check fails: deletions were requested together
        VerifyControlFails(OrderedScaleDown.Check(Recorder.BuildTimeline(), set.Name, 3, 0, scaledAt), "deletion was requested at");
    }
}
