using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Workload;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>
/// The ordering promises on the user's set: pod i is created only after pod i-1 is Ready by the workload's own
/// readiness; a scale to 0 removes the highest ordinal first, each after the one above is gone, and a scale back up
/// restores every pod in order. A Parallel set fails both as violations naming the policy, with the timeline as evidence.
/// </summary>
[Category(Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class WorkloadOrderingScenario : WorkloadScenarioTest
{
    [Test]
    public async Task OrderedCreation_EachPodIsCreatedOnlyAfterThePreviousOneIsReady()
    {
        // Given the user's set (a Parallel one still runs: the timeline is the violation's evidence)
        Promise(WorkloadPromises.OrderedCreation);

        // When it is applied and every pod becomes Ready
        var appliedAt = Recorder.MarkStep("applying the workload");
        await DeployAsync();

        // Then the pods were created in order, each after the previous one was Ready (Parallel fails naming the policy)
        Verify(OrderedCreationUnderPolicy.Check(Recorder.BuildTimeline(), Shape.Name, Shape.PodManagementPolicy, appliedAt));
    }

    [Test]
    public async Task OrderedScaleDown_ScaleToZeroRemovesTheHighestOrdinalFirst_AndScalingBackRestoresEveryPod()
    {
        // Given the user's set, Ready
        var verdict = Promise(WorkloadPromises.OrderedScaleDown);
        await DeployAsync();

        // When it is scaled to 0 (every pod gone) and back to its replicas
        var (downAt, upAt) = await ScaleToZeroAndBackAsync();

        // Then the pods went highest ordinal first (Parallel fails naming the policy, the order seen as evidence) ...
        var timeline = Recorder.BuildTimeline();
        var scaleDown = OrderedScaleDown.Check(timeline, Shape.Name, Shape.Replicas, 0, downAt, upAt);
        Verify(verdict.Outcome == PromiseOutcome.Violation ? PromiseGate.Violation(verdict, scaleDown) : scaleDown);

        // ... and scaling back created set-0..N-1 again, each after the previous one was Ready
        Verify(Naming.Check(timeline, Shape.Name, Shape.Replicas, include: IsSetPod));
        Verify(OrderedCreation.Check(timeline, Shape.Name, upAt));
    }
}
