using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Dns;

/// <summary>
/// A dual-stack pod's name answers A and AAAA: the check expects the set of its status.podIPs (of the families its
/// Service serves), under the cluster's own domain. Answers are busybox's real output (Dns/Data) where one exists.
/// </summary>
public sealed class DualStackDnsTests
{
    private const string Domain = "k8s.example.corp";
    private static readonly string[] DualStack = ["IPv4", "IPv6"];

    private static NslookupOutput Busybox(params string[] files) =>
        NslookupParser.Parse(string.Concat(files.Select(f => DnsData.Text($"busybox-1.35-nslookup.{f}.txt") + "\n")));

    private static Dictionary<string, IReadOnlyList<string>> Pod(string name, params string[] ips) => new() { [name] = ips };

    [TestCase("dual-stack")]
    [TestCase("dual-stack.non-authoritative")]
    [TestCase("dual-stack.ipv6-server")]
    public void Nslookup_BusyboxDualStackAnswer_GivesBothAddresses_AndNotTheServers(string file)
    {
        // Given busybox's output for a name answering A and AAAA (authoritative or not, from an IPv4 or IPv6 DNS server)

        // When parsed
        var lookups = Busybox(file);

        // Then the name has both addresses in the order printed, and the server's own address is no answer
        lookups.AddressesOf($"web-0.web.ns.svc.{Domain}").ShouldBe(["10.42.0.5", "fd00:10:42::5"]);
        lookups.Addresses.Keys.ShouldBe([$"web-0.web.ns.svc.{Domain}"]);
        lookups.Servers.Count.ShouldBe(1);
    }

    [Test]
    public void DualStackPod_BothFamiliesAnswered_Passes_UnderItsClusterDomain()
    {
        // Given the dual-stack pod web-0 (podIPs 10.42.0.5 and fd00:10:42::5) behind a dual-stack Service, and busybox's answers
        var lookups = Busybox("dual-stack", "nxdomain");

        // When checked under the cluster's domain
        var result = DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", "fd00:10:42::5"), "web", "ns", ["web-9"], Domain, DualStack);

        // Then it passes, and the facts show both answers against both pod IPs
        result.ShouldPass();
        result.Details.ShouldContain($"web-0.web.ns.svc.{Domain} -> 10.42.0.5, fd00:10:42::5 (pod IPs 10.42.0.5, fd00:10:42::5)");
    }

    [Test]
    public void DualStackPod_CheckedUnderClusterLocal_FailsBecauseTheNamesAreElsewhere()
    {
        // Given the same answers, looked up under k8s.example.corp (the negative control for the domain)
        var lookups = Busybox("dual-stack");

        // When checked under the hard-coded default domain
        var result = DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", "fd00:10:42::5"), "web", "ns", serviceFamilies: DualStack);

        // Then the cluster.local name has no answer
        result.ShouldFail("web-0.web.ns.svc.cluster.local did not resolve, expected web-0's IPs 10.42.0.5, fd00:10:42::5");
    }

    [Test]
    public void DualStackPod_OnlyItsIpv4Answered_Fails_NamingTheUnansweredIpv6()
    {
        // Given web-1 with podIPs 10.42.0.6 and fd00:10:42::6, whose name busybox saw answer A only
        var lookups = Busybox("ipv4-only");

        // When checked with its Service serving both families
        var result = DnsResolution.Check(lookups, Pod("web-1", "10.42.0.6", "fd00:10:42::6"), "web", "ns", null, Domain, DualStack);

        // Then it fails naming the name, the answer, the expected IPs and the one missing
        result.ShouldFail($"web-1.web.ns.svc.{Domain} resolved to 10.42.0.6, expected web-1's current IPs 10.42.0.6, fd00:10:42::6 (fd00:10:42::6 not answered)");
    }

    [Test]
    public void DualStackPod_OnlyItsIpv6Answered_Fails_NamingTheUnansweredIpv4()
    {
        // Given web-0's name answering AAAA only (busybox's answer lines, hand-built)
        var lookups = NslookupParser.Parse($"Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n\nName:\tweb-0.web.ns.svc.{Domain}\nAddress: fd00:10:42::5\n\n");

        // When / Then
        DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", "fd00:10:42::5"), "web", "ns", null, Domain, DualStack)
            .ShouldFail($"web-0.web.ns.svc.{Domain} resolved to fd00:10:42::5, expected web-0's current IPs 10.42.0.5, fd00:10:42::5 (10.42.0.5 not answered)");
    }

    [Test]
    public void DualStackPod_AForeignIpv6Answered_Fails_NamingItAndTheMissingOne()
    {
        // Given busybox's answer fd00:10:42::5 while the pod's IPv6 is fd00:10:42::7 (a stale or foreign address)
        var lookups = Busybox("dual-stack");

        // When / Then
        DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", "fd00:10:42::7"), "web", "ns", null, Domain, DualStack)
            .ShouldFail($"web-0.web.ns.svc.{Domain} resolved to 10.42.0.5, fd00:10:42::5, expected web-0's current IPs 10.42.0.5, fd00:10:42::7 " +
                "(fd00:10:42::7 not answered; fd00:10:42::5 is not the pod's)");
    }

    [Test]
    public void DualStackPod_BothAnsweredPlusAForeignIpv6_Fails()
    {
        // Given both of the pod's addresses answered and a third one that is not the pod's
        var lookups = NslookupParser.Parse(DnsData.Text("busybox-1.35-nslookup.dual-stack.txt") + $"Name:\tweb-0.web.ns.svc.{Domain}\nAddress: fd00:10:42::99\n");

        // When / Then
        DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", "fd00:10:42::5"), "web", "ns", null, Domain, DualStack)
            .ShouldFail("(fd00:10:42::99 is not the pod's)");
    }

    [TestCase("fd00:10:42:0:0:0:0:5", true)]
    [TestCase("FD00:10:42::5", true)]
    [TestCase("fd00:10:42:0:0:0:0:6", false)]
    public void PodIpv6_WrittenAnotherWay_IsComparedAsAnAddress(string podIpv6, bool passes)
    {
        // Given busybox's compressed fd00:10:42::5 and the pod's IPv6 as the API may write it (the last is another address: the control)
        var lookups = Busybox("dual-stack");

        // When checked
        var result = DnsResolution.Check(lookups, Pod("web-0", "10.42.0.5", podIpv6), "web", "ns", null, Domain, DualStack);

        // Then the same address in another notation matches, a different one does not
        result.Passed.ShouldBe(passes, result.ToString());
    }

    [Test]
    public void DualStackPod_BehindASingleStackIpv4Service_PassesOnItsIpv4Alone_AndFailsWhenThatIsWrong()
    {
        // Given web-1 (10.42.0.6, fd00:10:42::6) behind a Service of spec.ipFamilies [IPv4], the default for a
        // headless Service with a selector on a dual-stack cluster: its endpoints, so the DNS, hold the IPv4 only
        var lookups = Busybox("ipv4-only");
        var stale = NslookupParser.Parse($"Name:\tweb-1.web.ns.svc.{Domain}\nAddress: 10.42.0.99\n");

        // When checked with that family, and (the control) with an answer that is not the pod's IPv4
        var result = DnsResolution.Check(lookups, Pod("web-1", "10.42.0.6", "fd00:10:42::6"), "web", "ns", null, Domain, ["IPv4"]);
        var control = DnsResolution.Check(stale, Pod("web-1", "10.42.0.6", "fd00:10:42::6"), "web", "ns", null, Domain, ["IPv4"]);

        // Then the IPv4 answer is all that is expected, the facts say why, and a wrong IPv4 still fails
        result.ShouldPass();
        result.Details.ShouldContain($"web-1.web.ns.svc.{Domain} -> 10.42.0.6 (pod IPs 10.42.0.6, fd00:10:42::6; the Service serves IPv4 only: expected 10.42.0.6)");
        control.ShouldFail($"web-1.web.ns.svc.{Domain} resolved to 10.42.0.99, expected web-1's current IP 10.42.0.6 (10.42.0.6 not answered; 10.42.0.99 is not the pod's)");
    }

    [Test]
    public void MissingOrdinal_UnderTheClusterDomain_NxdomainPasses_AndAnAnsweringNameFails()
    {
        // Given busybox's NXDOMAIN for web-9 and its answer for web-0, both under k8s.example.corp
        var lookups = Busybox("nxdomain", "dual-stack");
        var none = new Dictionary<string, IReadOnlyList<string>>();

        // When web-9 must not resolve, and (the control) web-0 is claimed missing
        var result = DnsResolution.Check(lookups, none, "web", "ns", ["web-9"], Domain);
        var control = DnsResolution.Check(lookups, none, "web", "ns", ["web-0"], Domain);

        // Then the NXDOMAIN passes and is noted; the answering name fails
        result.ShouldPass();
        result.Details.ShouldContain($"web-9.web.ns.svc.{Domain} -> NXDOMAIN (no such pod)");
        control.ShouldFail($"web-0.web.ns.svc.{Domain} resolved to 10.42.0.5, fd00:10:42::5 although pod web-0 does not exist");
    }
}
