using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

public sealed class IdentityCheckTests
{
    private static readonly V1Service Headless = new() { Metadata = new() { Name = "web" }, Spec = new() { ClusterIP = "None" } };

    [Test]
    public void Naming_StatefulSetOrdinals_Passes()
    {
        // Given / When / Then
        Naming.Check(["web-0", "web-1", "web-2"], "web", 3).ShouldPass();
    }

    [Test]
    public void Naming_DeploymentRandomSuffixes_Fails()
    {
        // Given a Deployment's pods
        string[] pods = ["web-7d9f8c6b5d-x2k4q", "web-7d9f8c6b5d-9mzpl", "web-7d9f8c6b5d-tq8wr"];

        // When / Then
        Naming.Check(pods, "web", 3).ShouldFail("pod web-7d9f8c6b5d-x2k4q is not named web-<ordinal>");
    }

    [Test]
    public void Naming_GapInOrdinals_Fails()
    {
        // Given / When / Then
        Naming.Check(["web-0", "web-2", "web-3"], "web", 3).ShouldFail("pod web-3 has ordinal 3, outside 0..2");
    }

    [Test]
    public void Naming_TimelineLiveSetPods_Passes()
    {
        // Given the hand-built lifecycle at t=10 (all three live)
        var timeline = Hand.OrderedLifecycle();

        // When / Then
        Naming.Check(timeline, "web", 3, Hand.At(10)).ShouldPass();
    }

    [Test]
    public void Identity_HeadlessServiceAndHostnames_Passes()
    {
        // Given hostname outputs matching the pod names
        var pods = Hand.OrderedLifecycle().Pods;
        var outputs = pods.ToDictionary(p => p.Name, p => p.Name + "\n");

        // When / Then
        Identity.Check(Headless, pods, outputs).ShouldPass();
    }

    [Test]
    public void Identity_ServiceWithClusterIp_Fails()
    {
        // Given a normal ClusterIP service
        var service = Headless with { Spec = new() { ClusterIP = "10.96.4.2" } };
        var pods = Hand.OrderedLifecycle().Pods;

        // When / Then
        Identity.Check(service, pods, pods.ToDictionary(p => p.Name, p => p.Name))
            .ShouldFail("service web has clusterIP 10.96.4.2, expected None (headless)");
    }

    [Test]
    public void Identity_WrongHostnameOutputAndMissingSubdomain_Fails()
    {
        // Given web-1 prints another name and web-2 has no subdomain
        var pods = Hand.OrderedLifecycle().Pods.ToList();
        pods[2] = pods[2] with { Subdomain = null };
        var outputs = new Dictionary<string, string> { ["web-0"] = "web-0", ["web-1"] = "web-7d9f8c6b5d-x2k4q", ["web-2"] = "web-2" };

        // When
        var result = Identity.Check(Headless, pods, outputs);

        // Then
        result.ShouldFail("hostname in web-1 (uid-a1) printed 'web-7d9f8c6b5d-x2k4q', expected web-1");
        result.Details.ShouldContain("web-2 (uid-a2) has spec.subdomain unset, expected web");
    }
}
