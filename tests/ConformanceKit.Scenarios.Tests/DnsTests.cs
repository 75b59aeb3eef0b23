using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class DnsTests
{
    private static Dictionary<string, string> IpsFromGetPodsWide(string file) =>
        SharedData.Text("recorded-k8s-1.26", "ordered-lifecycle", file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(c => c[0], c => c[5]);

    [TestCase("nslookup.before.txt", "get-pods-wide.before.txt", new[] { "web-9" })]
    [TestCase("nslookup.after.txt", "get-pods-wide.after.txt", new string[0])]
    public void Nslookup_RecordedOutput_ResolvesEachPodToItsListedIp(string nslookup, string podsWide, string[] missing)
    {
        // Given the recorded busybox output and `kubectl get pods -o wide` from the same moment
        var lookups = NslookupParser.Parse(SharedData.Text("recorded-k8s-1.26", "ordered-lifecycle", nslookup));
        var ips = IpsFromGetPodsWide(podsWide);

        // When
        var result = DnsResolution.Check(lookups, ips, "web", "ordered-lifecycle", missing);

        // Then
        result.ShouldPass();
        ips.Count.ShouldBe(3);
        lookups.NotFound.ShouldBe(missing.Select(m => $"{m}.web.ordered-lifecycle.svc.cluster.local"), ignoreOrder: true);
        lookups.Servers.ShouldAllBe(s => s == "10.96.0.10");
    }

    [Test]
    public void Nslookup_ServiceName_ListsAllPodIps()
    {
        // Given / When
        var lookups = NslookupParser.Parse(SharedData.Text("recorded-k8s-1.26", "ordered-lifecycle", "nslookup.before.txt"));

        // Then
        lookups.AddressesOf("web.ordered-lifecycle.svc.cluster.local.").ShouldBe(["10.88.0.6", "10.88.0.7", "10.88.0.8"]);
        lookups.Resolves("web-9.web.ordered-lifecycle.svc.cluster.local").ShouldBeFalse();
    }

    [Test]
    public void Nslookup_OlderBusyboxFormat_Parses()
    {
        // Given the "Address 1: ip name" form of older busybox builds
        const string text = "Server:    10.0.0.10\nAddress 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\n";

        // When
        var lookups = NslookupParser.Parse(text);

        // Then
        lookups.AddressesOf("web-0.nginx.default.svc.cluster.local").ShouldBe(["10.244.1.5"]);
        lookups.Resolves("kube-dns.kube-system.svc.cluster.local").ShouldBeFalse();
    }

    [Test]
    public void DnsResolution_StaleIpAfterReplacement_Fails()
    {
        // Given the answers from before the replacement and the pods' new IPs
        var lookups = NslookupParser.Parse(SharedData.Text("recorded-k8s-1.26", "ordered-lifecycle", "nslookup.before.txt"));
        var ips = IpsFromGetPodsWide("get-pods-wide.after.txt");

        // When / Then
        DnsResolution.Check(lookups, ips, "web", "ordered-lifecycle")
            .ShouldFail("web-0.web.ordered-lifecycle.svc.cluster.local resolved to 10.88.0.6, expected web-0's current IP 10.88.0.10");
    }

    [Test]
    public void DnsResolution_MissingOrdinalResolves_Fails()
    {
        // Given an answer for web-9, which does not exist
        var lookups = NslookupParser.Parse("Name:\tweb-9.web.ns.svc.cluster.local\nAddress: 10.1.1.9\n");

        // When / Then
        DnsResolution.Check(lookups, new Dictionary<string, string>(), "web", "ns", ["web-9"])
            .ShouldFail("web-9.web.ns.svc.cluster.local resolved to 10.1.1.9 although pod web-9 does not exist");
    }

    [Test]
    public void DnsResolution_NameNotFound_FailsSayingNxdomain()
    {
        // Given NXDOMAIN for an existing pod
        var lookups = NslookupParser.Parse("** server can't find web-0.web.ns.svc.cluster.local: NXDOMAIN\n");

        // When / Then
        DnsResolution.Check(lookups, new Dictionary<string, string> { ["web-0"] = "10.1.1.1" }, "web", "ns")
            .ShouldFail("web-0.web.ns.svc.cluster.local did not resolve (NXDOMAIN), expected web-0's IP 10.1.1.1");
    }
}
