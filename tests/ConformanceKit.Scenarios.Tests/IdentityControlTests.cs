using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

/// <summary>Negative controls for naming, identity and DNS violations not covered elsewhere (each found by a surviving mutant).</summary>
public sealed class IdentityControlTests
{
    private static readonly V1Service Headless = new() { Metadata = new() { Name = "web" }, Spec = new() { ClusterIP = "None" } };

    [Test]
    public void Naming_OrdinalMissing_FailsNamingIt()
    {
        // Given only two of three pods
        // When / Then
        Naming.Check(["web-0", "web-1"], "web", 3).ShouldFail("no pod is named web-2");
    }

    [Test]
    public void Naming_SameNameTwice_Fails()
    {
        // Given web-0 listed twice and web-2 missing
        // When / Then
        Naming.Check(["web-0", "web-0", "web-1"], "web", 3).ShouldFail("two pods are named web-0");
    }

    [Test]
    public void Naming_TimelineAtAMoment_CountsOnlyPodsAliveThen()
    {
        // Given the lifecycle: web-2 created at t=5 and gone at t=22, every pod gone by the end
        var timeline = Hand.OrderedLifecycle();

        // When / Then before web-2 exists, after it is gone, and at the end, one or all ordinals are missing
        Naming.Check(timeline, "web", 3, Hand.At(3)).ShouldFail("no pod is named web-2");
        Naming.Check(timeline, "web", 3, Hand.At(24)).ShouldFail("no pod is named web-2");
        Naming.Check(timeline, "web", 2, Hand.At(24)).ShouldPass();
        Naming.Check(timeline, "web", 3).ShouldFail("no pod is named web-0");
    }

    [Test]
    public void Identity_SpecHostnameNotThePodName_Fails()
    {
        // Given web-0 without spec.hostname (as a Deployment's pod would be)
        var pods = Hand.OrderedLifecycle().Pods.ToList();
        pods[0] = pods[0] with { Hostname = null };
        var outputs = pods.ToDictionary(p => p.Name, p => p.Name);

        // When / Then
        Identity.Check(Headless, pods, outputs).ShouldFail("web-0 (uid-a0) has spec.hostname unset, expected web-0");
    }

    [Test]
    public void Identity_SubdomainNotTheService_Fails()
    {
        // Given web-1 whose subdomain names another service
        var pods = Hand.OrderedLifecycle().Pods.ToList();
        pods[1] = pods[1] with { Subdomain = "other" };

        // When / Then
        Identity.Check(Headless, pods, pods.ToDictionary(p => p.Name, p => p.Name))
            .ShouldFail("web-1 (uid-a1) has spec.subdomain other, expected web");
    }

    [Test]
    public void Identity_HostnameNotRunInAPod_Fails()
    {
        // Given hostname outputs for web-0 and web-1 only
        var pods = Hand.OrderedLifecycle().Pods;
        var outputs = new Dictionary<string, string> { ["web-0"] = "web-0", ["web-1"] = "web-1" };

        // When / Then
        Identity.Check(Headless, pods, outputs).ShouldFail("hostname was not run in web-2 (uid-a2)");
    }

    [Test]
    public void DnsResolution_NameAnsweringWithTwoIps_Fails()
    {
        // Given web-0's name answers with its own IP and a stale one
        var lookups = NslookupParser.Parse("Name:\tweb-0.web.ns.svc.cluster.local\nAddress: 10.1.1.1\nName:\tweb-0.web.ns.svc.cluster.local\nAddress: 10.1.1.7\n");
        lookups.AddressesOf("web-0.web.ns.svc.cluster.local").Count.ShouldBe(2);

        // When / Then
        DnsResolution.Check(lookups, new Dictionary<string, string> { ["web-0"] = "10.1.1.1" }, "web", "ns")
            .ShouldFail("web-0.web.ns.svc.cluster.local resolved to 10.1.1.1, 10.1.1.7, expected web-0's current IP 10.1.1.1");
    }
}
