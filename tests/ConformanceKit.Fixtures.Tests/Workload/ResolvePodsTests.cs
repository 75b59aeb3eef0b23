using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>WaitReadyAsync and ResolvePodsAsync on the loopback server: the recorder's view, the probe pod and nslookup by exec.</summary>
[CancelAfter(60_000)]
public sealed class ResolvePodsTests
{
    [Test]
    public async Task ResolvePods_ReadySet_LooksUpEachPodFromTheProbe_AndTheDnsCheckPasses()
    {
        // Given a Ready set whose pod names each resolve to their pod's IP
        await using var api = await ReadySetServer.StartAsync(ReadySetServer.Truthful);
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()));

        // When the test waits for it and resolves its pods
        await workload.WaitReadyAsync(CancellationToken.None);
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then the answers hold each pod's IP and NXDOMAIN for the ordinal after the last, and the check passes on them
        dns.PodIps.ShouldBe(new Dictionary<string, string> { ["sfs-test01-0"] = "10.42.0.1", ["sfs-test01-1"] = "10.42.0.2", ["sfs-test01-2"] = "10.42.0.3" }, ignoreOrder: true);
        dns.Missing.ShouldBe(["sfs-test01-3"]);
        DnsResolution.Check(dns.Lookups, dns.PodIps, dns.Service, dns.Namespace, dns.Missing).ShouldPass();
        dns.Attempts.ShouldBe(1);
        var execs = api.Server.Requests.Where(r => r.Path.EndsWith("/pods/ck-dns-probe/exec", StringComparison.Ordinal)).ToList();
        execs.Select(r => r.Query("command")).ShouldBe(["cat", "nslookup", "nslookup", "nslookup", "nslookup"]);
    }

    [Test]
    public async Task ResolvePods_ANameStillAnsweringAStaleIp_IsRetriedUntilTheDeadline_AndTheDnsCheckFailsNamingIt()
    {
        // Given a Ready set whose second pod's name answers an old IP (the negative control)
        await using var api = await ReadySetServer.StartAsync((ns, name) =>
            name.StartsWith("sfs-test01-1.", StringComparison.Ordinal) ? "10.42.0.77" : ReadySetServer.Truthful(ns, name));
        using var client = KubeClient.Create(api.Server.CreateConnection());
        // (a deadline of several rounds: one round of 4 execs took over 1 s on a loaded 2-core CI machine)
        var options = new WorkloadUnderTestOptions { DnsDeadline = TimeSpan.FromSeconds(5), CleanupTimeout = TimeSpan.FromSeconds(20) };
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), options);
        await workload.WaitReadyAsync(CancellationToken.None);

        // When its pods are resolved
        var dns = await workload.ResolvePodsAsync(CancellationToken.None);

        // Then the lookups were repeated until the deadline, and the check fails naming the name, the stale and the current IP
        dns.Attempts.ShouldBeGreaterThan(1);
        dns.Elapsed.ShouldBeGreaterThanOrEqualTo(options.DnsDeadline);
        DnsResolution.Check(dns.Lookups, dns.PodIps, dns.Service, dns.Namespace, dns.Missing)
            .ShouldFail($"sfs-test01-1.sfs-service01.{workload.Namespace}.svc.cluster.local resolved to 10.42.0.77, expected sfs-test01-1's current IP 10.42.0.2");
    }
}
