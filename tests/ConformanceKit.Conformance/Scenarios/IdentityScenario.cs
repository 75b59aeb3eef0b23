using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>Scenario 1: pods are named by ordinal, know their own name, and sit behind a headless Service.</summary>
[Parallelizable(ParallelScope.Self)]
public sealed class IdentityScenario : ScenarioTest
{
    [Test]
    public async Task StatefulSetPods_AreNamedByOrdinal_AndHostnameInEachPrintsItsName()
    {
        // Given a headless Service and a StatefulSet of 3
        var set = SetParameters("web", StatefulSetVariant.Basic);
        await CreateSetAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When hostname runs in each pod
        var names = Enumerable.Range(0, set.Replicas).Select(set.PodName).ToList();
        var hostnames = await Commands.HostnamesAsync(names, Cancellation);

        // Then the Service is headless, the pods are web-0..2 with hostname/subdomain set, and hostname prints the pod's name
        var service = await Client.GetAsync<V1Service>(Namespace, set.EffectiveServiceName, Cancellation);
        service.ShouldNotBeNull($"service {set.EffectiveServiceName} should exist in {Namespace}");
        var timeline = Recorder.BuildTimeline();
        Verify(Naming.Check(timeline, set.Name, set.Replicas));
        Verify(Identity.Check(service, timeline.PodsOf(set.Name).Where(p => p.Gone is null), hostnames));
    }

    [Test]
    public async Task DeploymentPods_FailTheNamingCheck()
    {
        // Given a Deployment of 3 (the negative control)
        var deployment = new DeploymentParameters { Name = "plain", Namespace = Namespace, Image = Options.BusyboxImage, Labels = RunLabels };
        await Steps.ApplyAsync(Manifests.Render(deployment), "applied deployment plain replicas=3", Cancellation);

        // When its pods are Ready
        var view = await Recorder.WaitUntilAsync(
            v => v.Pods.Values.Count(p => p.Metadata.Label("app") == "plain" && NamespaceView.IsReady(p)) == deployment.Replicas,
            StepTimeout, "3 pods of deployment plain Ready", Cancellation);

        // Then the naming check fails on their hashed names
        var names = view.Pods.Values.Where(p => p.Metadata.Label("app") == "plain").Select(p => p.Metadata.Name!).ToList();
        Note($"deployment pods: {string.Join(", ", names)}");
        VerifyControlFails(Naming.Check(names, "plain", deployment.Replicas));
    }
}
