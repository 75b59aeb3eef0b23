using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 2: OrderedReady creates pod i only after pod i-1 is Ready. Pods are held un-Ready (their readiness
/// probe waits for /tmp/ready) and released one by one, the upstream e2e way.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class OrderedCreationScenario : ScenarioTest
{
    [Test]
    public async Task OrderedReady_WhilePodIIsHeldUnReady_TheSetKeepsIPlusOnePods()
    {
        // Given a held StatefulSet of 3 with the default OrderedReady policy
        var set = SetParameters("web", StatefulSetVariant.HeldReadiness);
        await CreateSetAsync(set);

        for (var i = 0; i < set.Replicas; i++)
        {
            // When pod i runs un-Ready and the controller has completed a sync that saw it so (a barrier: the
            // kubelet's Unhealthy event is best-effort and may be aggregated or dropped, the pod's status is not)
            var pod = set.PodName(i);
            await WaitHeldAsync(pod, $"{pod} Running and held un-Ready by its readiness probe");
            await Steps.SyncControllerAsync(set.Name, Cancellation);
            var held = Recorder.Current;

            // Then exactly i+1 pods exist, and once released pod i becomes Ready
            held.PodsOf(set.Name).Count.ShouldBe(i + 1, $"while {pod} is held un-Ready, the set should have {i + 1} pods: {held.Describe()}");
            var releasedAt = await Commands.ReleaseAsync(pod, Cancellation);
            await Recorder.WaitUntilAsync(v => v.Pods.TryGetValue(pod, out var p) && NamespaceView.IsReady(p), StepTimeout, $"{pod} Ready", Cancellation);
            Verify(OrderedCreation.CheckHeld(Recorder.BuildTimeline(), set.Name, i, releasedAt));
        }

        Verify(OrderedCreation.Check(Recorder.BuildTimeline(), set.Name));
    }

    [Test]
    public async Task Parallel_CreatesEveryPodAtOnce_AndFailsTheOrderedCreationCheck()
    {
        // Given the same held StatefulSet with podManagementPolicy Parallel (the negative control)
        var set = SetParameters("web", StatefulSetVariant.HeldReadiness, PodManagementPolicy.Parallel);
        await CreateSetAsync(set);

        // When every pod exists while pod 0 is still held un-Ready (it cannot become Ready before its release, so
        // this holds under Parallel and never under OrderedReady), and then every pod is released
        var pod0 = set.PodName(0);
        await WaitHeldAsync(pod0, $"{pod0} held un-Ready while all {set.Replicas} pods exist", v => v.PodsOf(set.Name).Count == set.Replicas);
        var releasedAt = Recorder.MarkStep($"all {set.Replicas} pods seen while {pod0} is held");
        var timelineWhileHeld = Recorder.BuildTimeline();
        foreach (var i in Enumerable.Range(0, set.Replicas))
        {
            await Steps.WaitRunningAsync(set.PodName(i), Cancellation);
            await Commands.ReleaseAsync(set.PodName(i), Cancellation);
        }

        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // Then both the held check and the ordered creation check fail
        VerifyControlFails(OrderedCreation.CheckHeld(timelineWhileHeld, set.Name, 0, releasedAt), "was held un-Ready");
        VerifyControlFails(OrderedCreation.Check(Recorder.BuildTimeline(), set.Name), "was created at");
    }

    private Task<NamespaceView> WaitHeldAsync(string pod, string description, Func<NamespaceView, bool>? also = null) =>
        Recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue(pod, out var p) && NamespaceView.IsHeldUnready(p) && (also is null || also(v)),
            StepTimeout, description, Cancellation);
}
