using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Parsing;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>ResolvePodsAsync on the loopback server: the cluster domain from the probe's resolv.conf (or given), and dual-stack pods.</summary>
[CancelAfter(60_000)]
public sealed class ResolvePodsDomainTests
{
    // Several rounds fit in it for the failing cases; a passing case converges in its first round.
    private static readonly WorkloadUnderTestOptions ShortDeadline = new() { DnsDeadline = TimeSpan.FromSeconds(3), CleanupTimeout = TimeSpan.FromSeconds(20) };

    [TestCase("k8s.example.corp")]
    [TestCase("cluster.internal")]
    public async Task ResolvePods_ProbeResolvConfOfADomain_LooksEveryNameUpInThatDomain_AndTheCheckPasses(string domain)
    {
        // Given a cluster of that domain: the kubelet's resolv.conf in the probe, and names answering only under it
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.TruthfulIn(domain),
            new DnsSetup { ResolvConf = ns => ReadySetServer.KubeletResolvConf(ns, domain) });
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()));
        await workload.WaitReadyAsync(CancellationToken.None);

        // When the pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then the domain was read from the probe once, every name looked up is in it, and the answers pass
        dns.Domain.ShouldBe(new ClusterDomain(domain, ClusterDomainSource.ResolvConf, $"cluster domain: {domain}, from the probe pod's resolv.conf"));
        Execs(api, "cat").ShouldBe(["/etc/resolv.conf"]);
        Execs(api, "nslookup").ShouldBe([.. Enumerable.Range(0, 4).Select(i => $"sfs-test01-{i}.sfs-service01.{workload.Namespace}.svc.{domain}")], ignoreOrder: true);
        dns.Check().ShouldPass();
        dns.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task ResolvePods_ResolvConfSaysClusterLocal_WhileTheNamesLiveElsewhere_TheCheckFailsOnTheClusterLocalNames()
    {
        // Given names that answer only under k8s.example.corp, and a probe whose resolv.conf says cluster.local (the control)
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.TruthfulIn("k8s.example.corp"), new DnsSetup());
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), ShortDeadline);
        await workload.WaitReadyAsync(CancellationToken.None);

        // When the pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then the lookups followed resolv.conf to cluster.local, and found nothing there
        dns.Domain.Name.ShouldBe("cluster.local");
        dns.Check().ShouldFail($"sfs-test01-0.sfs-service01.{workload.Namespace}.svc.cluster.local did not resolve (NXDOMAIN), expected sfs-test01-0's IP 10.42.0.1");
    }

    [Test]
    public async Task ResolvePods_GivenClusterDomain_IsUsed_AndResolvConfIsNotRead()
    {
        // Given a domain given in the options, and a probe whose resolv.conf would say cluster.local
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.TruthfulIn("k8s.example.corp"), new DnsSetup());
        using var client = KubeClient.Create(api.Server.CreateConnection());
        var options = new WorkloadUnderTestOptions { ClusterDomain = "K8s.Example.Corp.", CleanupTimeout = TimeSpan.FromSeconds(20) };
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), options);
        await workload.WaitReadyAsync(CancellationToken.None);

        // When the pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then the given domain is used and noted as given, and resolv.conf was never asked for
        dns.Domain.ShouldBe(new ClusterDomain("k8s.example.corp", ClusterDomainSource.Given, "cluster domain: k8s.example.corp, as given (ClusterDomain)"));
        Execs(api, "cat").ShouldBeEmpty();
        Execs(api, "nslookup").ShouldAllBe(name => name.EndsWith(".svc.k8s.example.corp", StringComparison.Ordinal));
        dns.Check().ShouldPass();
    }

    [Test]
    public async Task ResolvePods_ResolvConfWithoutTheNamespacesSearchEntry_FallsBackToClusterLocal_AndSaysSo()
    {
        // Given a probe whose resolv.conf is the node's (as with dnsPolicy Default)
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.TruthfulIn("cluster.local"),
            new DnsSetup { ResolvConf = _ => "nameserver 10.0.0.2\nsearch eu-west-1.compute.internal\n" });
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()));
        await workload.WaitReadyAsync(CancellationToken.None);

        // When the pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then cluster.local is used, and the note says it was assumed and why
        dns.Domain.Source.ShouldBe(ClusterDomainSource.Fallback);
        dns.Domain.Note.ShouldStartWith("cluster domain: cluster.local assumed: the probe pod's resolv.conf searches [eu-west-1.compute.internal]");
        Execs(api, "nslookup").ShouldAllBe(name => name.EndsWith(".svc.cluster.local", StringComparison.Ordinal));
        dns.Check().ShouldPass();
    }

    [TestCase(new[] { "IPv4", "IPv6" }, true, null)]
    [TestCase(new[] { "IPv4", "IPv6" }, false, "resolved to 10.42.0.1, expected sfs-test01-0's current IPs 10.42.0.1, fd00:10:42::1 (fd00:10:42::1 not answered)")]
    [TestCase(new[] { "IPv4" }, false, null)]
    public async Task ResolvePods_DualStackPods_ExpectTheirAddressesOfTheServicesFamilies(string[] families, bool aaaaAnswered, string? violation)
    {
        // Given pods with an IPv4 and an IPv6, a Service of those families, and names answering A (and AAAA when said)
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.TruthfulIn("cluster.local", dualStack: aaaaAnswered),
            new DnsSetup { DualStack = true, ServiceFamilies = families });
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), ShortDeadline);
        await workload.WaitReadyAsync(CancellationToken.None);

        // When the pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then both of each pod's IPs and the Service's stored families are read; the check passes, or (a dual-stack
        // Service whose names answer A only: the control) fails naming the unanswered IPv6
        dns.PodAddresses["sfs-test01-0"].ShouldBe(["10.42.0.1", "fd00:10:42::1"]);
        dns.PodIps["sfs-test01-0"].ShouldBe("10.42.0.1");
        dns.ServiceFamilies.ShouldBe(families);
        if (violation is null)
        {
            dns.Check().ShouldPass();
        }
        else
        {
            dns.Check().ShouldFail($"sfs-test01-0.sfs-service01.{workload.Namespace}.svc.cluster.local {violation}");
        }
    }

    // The last argument of each exec of `tool` in the probe (the name looked up, the file read).
    private static List<string> Execs(WorkloadApiServer api, string tool) =>
        [.. api.Server.Requests
            .Where(r => r.Path.EndsWith("/pods/ck-dns-probe/exec", StringComparison.Ordinal) && r.Query("command") == tool)
            .Select(r => r.QueryValues("command")[^1])
            .Distinct()];
}
