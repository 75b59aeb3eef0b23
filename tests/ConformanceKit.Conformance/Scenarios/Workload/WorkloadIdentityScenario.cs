using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Workload;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>
/// The identity promises on the user's set: pods named set-0..N-1 with hostname == pod name (exec'd when the image
/// has <c>hostname</c>, else the API's spec.hostname/subdomain), the same names back in order with new UIDs after
/// every pod is deleted (in any order for a Parallel set), and each pod's name under the headless Service resolving to its IP, before and after that.
/// </summary>
[Category(Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class WorkloadIdentityScenario : WorkloadScenarioTest
{
    [Test]
    public async Task StableNames_PodsAreNamedSetZeroToNMinusOne_AndEachHostnameIsItsPodName()
    {
        // Given the user's set, Ready by its own readiness
        Promise(WorkloadPromises.StableNames);
        await DeployAsync();

        // When each pod's hostname is asked (in the first container), or read from the API when the image has no tool
        var container = Plan.Workload.StatefulSet.Spec.Template.Spec.Containers[0].Name;
        var hostnames = await InPods.HostnamesAsync(Shape.PodNames, container, Cancellation);

        // Then the pods are exactly set-0..N-1, and each one's hostname is its name under the headless Service
        Verify(Naming.Check(Recorder.BuildTimeline(), Shape.Name, Shape.Replicas, include: IsSetPod));
        if (hostnames is null)
        {
            Note($"container {container} has no hostname tool: spec.hostname and spec.subdomain are read from the API");
            Verify(Identity.CheckApi(Service, LivePods()));
        }
        else
        {
            Verify(Identity.Check(Service, LivePods(), hostnames));
        }
    }

    [Test]
    public async Task Replacement_AfterEveryPodIsDeleted_TheSameNamesComeBackInOrderWithNewUids()
    {
        // Given the user's set, Ready (a replacement keeps the names: the stable-names promise)
        Promise(WorkloadPromises.StableNames);
        await DeployAsync();

        // When every pod is deleted at once and the set replaces them
        var (deletedAt, _) = await ReplaceAllPodsAsync();

        // Then each ordinal came back under its name with a new UID, in order (a Parallel set promises no order: the
        // ordering promises judge that), and the names are still set-0..N-1
        Verify(Replacement.Check(Recorder.BuildTimeline(), Shape.Name, Shape.Replicas, deletedAt, podManagementPolicy: Shape.PodManagementPolicy));
        Verify(Naming.Check(Recorder.BuildTimeline(), Shape.Name, Shape.Replicas, include: IsSetPod));
    }

    [Test]
    public async Task StableDns_EachPodNameResolvesToItsIp_AndFollowsAReplacement()
    {
        // Given the user's set (a Service that does not select its pods is a violation shown by the manifest)
        FailIfViolated(Promise(WorkloadPromises.StableDns));
        var ready = await DeployAsync();
        var dns = await StartProbeAsync();

        // When each pod's name is looked up from the probe pod
        var before = await ConvergeDnsAsync(dns, ready, "before replacement");

        // Then it resolves to that pod's IP, and the ordinal past the end does not resolve
        Verify(before.Result);

        // When every pod is replaced, Then each name follows its pod to the new IP
        var (_, after) = await ReplaceAllPodsAsync();
        Verify((await ConvergeDnsAsync(dns, after, "after replacement")).Result);
    }
}
