using System.Text;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// The routes of a Ready sfs-test01 in the workload's namespace: its three pods Running and Ready with the IPs
/// 10.42.0.1-3 (and, for a dual-stack set, fd00:10:42::1-3 in status.podIPs) and its claims Bound (on the
/// recorder's watches), the probe pod Running once it is applied, and two commands answered by exec in the probe the
/// way busybox answers: <c>cat /etc/resolv.conf</c> with <see cref="DnsSetup.ResolvConf"/>, and <c>nslookup</c>
/// with the addresses <c>answer(namespace, name)</c> gives, or NXDOMAIN when it gives none. The Service sfs-service01
/// can be read (GET) only when <see cref="DnsSetup.ServiceFamilies"/> is set.
/// </summary>
internal static class ReadySetServer
{
    /// <summary>Each pod's name under cluster.local resolves to its own IP (10.42.0.ordinal+1); any other name is NXDOMAIN.</summary>
    public static string? Truthful(string ns, string name) => TruthfulIn("cluster.local")(ns, name).FirstOrDefault();

    /// <summary>Each pod's name under <paramref name="domain"/> resolves to its own IPs (the IPv6 too when <paramref name="dualStack"/>); any other name is NXDOMAIN.</summary>
    public static Func<string, string, IReadOnlyList<string>> TruthfulIn(string domain, bool dualStack = false) => (ns, name) =>
        Enumerable.Range(0, 3).Where(i => name == DnsResolution.PodFqdn($"sfs-test01-{i}", "sfs-service01", ns, domain))
            .SelectMany(i => dualStack ? new[] { Ipv4(i), Ipv6(i) } : [Ipv4(i)]).ToList();

    /// <summary>The resolv.conf the kubelet writes for a ClusterFirst pod in <paramref name="ns"/> of a cluster of <paramref name="domain"/>.</summary>
    public static string KubeletResolvConf(string ns, string domain) =>
        $"search {ns}.svc.{domain} svc.{domain} {domain}\nnameserver 10.43.0.10\noptions ndots:5\n";

    public static Task<WorkloadApiServer> StartAsync(Func<string, string, string?> answer) =>
        StartAsync((ns, name) => answer(ns, name) is { } address ? [address] : [], new DnsSetup());

    public static Task<WorkloadApiServer> StartAsync(Func<string, string, IReadOnlyList<string>> answer, DnsSetup setup)
    {
        var probeApplied = new TaskCompletionSource();
        return WorkloadApiServer.StartAsync(
            watch: (ns, resource) => resource switch
            {
                "pods" => Pods(ns, new WatchScript(), setup.DualStack).WaitFor(probeApplied.Task).Event("ADDED", Pod(ns, "ck-dns-probe", "10.42.0.9", null)).HoldOpen(),
                "persistentvolumeclaims" => Claims(ns, new WatchScript()).HoldOpen(),
                _ => new WatchScript().HoldOpen(),
            },
            more: (server, ns) =>
            {
                server
                    .Map("PATCH", $"/api/v1/namespaces/{ns}/pods/ck-dns-probe", async context =>
                    {
                        await WorkloadApiServer.EchoAsync(context);
                        probeApplied.TrySetResult();
                    })
                    .Map("GET", $"/api/v1/namespaces/{ns}/pods/ck-dns-probe/exec", context =>
                    {
                        var command = context.Request.Query["command"];
                        return (command[0] == "cat" ? Exec(setup.ResolvConf(ns)) : Nslookup(command[^1] ?? "", answer(ns, command[^1] ?? ""))).ServeAsync(context);
                    });
                if (setup.ServiceFamilies is { } families)
                {
                    server.Map("GET", $"/api/v1/namespaces/{ns}/services/sfs-service01", Respond.Json(200,
                        $$$"""{"kind":"Service","apiVersion":"v1","metadata":{"name":"sfs-service01","namespace":"{{{ns}}}"},"spec":{"clusterIP":"None","ipFamilies":[{{{string.Join(",", families.Select(f => $"\"{f}\""))}}}]}}"""));
                }
            });
    }

    private static string Ipv4(int ordinal) => $"10.42.0.{ordinal + 1}";

    private static string Ipv6(int ordinal) => $"fd00:10:42::{ordinal + 1}";

    private static WatchScript Pods(string ns, WatchScript script, bool dualStack) =>
        Enumerable.Range(0, 3).Aggregate(script, (s, i) => s.Event("ADDED", Pod(ns, $"sfs-test01-{i}", Ipv4(i), dualStack ? Ipv6(i) : null)));

    private static WatchScript Claims(string ns, WatchScript script) =>
        Enumerable.Range(0, 3).Aggregate(script, (s, i) => s.Event("ADDED",
            $$$"""{"kind":"PersistentVolumeClaim","apiVersion":"v1","metadata":{"name":"sfs-vol01-sfs-test01-{{{i}}}","namespace":"{{{ns}}}","uid":"c{{{i}}}","resourceVersion":"{{{110 + i}}}","creationTimestamp":"2026-12-01T10:00:0{{{i}}}Z"},"spec":{"volumeName":"pvc-{{{i}}}"},"status":{"phase":"Bound"}}"""));

    private static string Pod(string ns, string name, string ip, string? ipv6)
    {
        var podIps = ipv6 is null ? $$$"""[{"ip":"{{{ip}}}"}]""" : $$$"""[{"ip":"{{{ip}}}"},{"ip":"{{{ipv6}}}"}]""";
        return $$$"""{"kind":"Pod","apiVersion":"v1","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"u-{{{name}}}","resourceVersion":"{{{120 + ip[^1]}}}","creationTimestamp":"2026-12-01T10:00:00Z"},"spec":{"containers":[{"name":"c","image":"busybox"}]},"status":{"phase":"Running","podIP":"{{{ip}}}","podIPs":{{{podIps}}},"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-12-01T10:00:05Z"}]}}""";
    }

    // busybox's layout (see the Scenarios tests' Dns/Data): one Name/Address block per answer, A before AAAA.
    private static ExecRecording Nslookup(string name, IReadOnlyList<string> addresses) =>
        Exec(addresses.Count == 0
            ? $"Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n** server can't find {name}: NXDOMAIN\n\n"
            : "Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n" + string.Concat(addresses.Select(a => $"Name:\t{name}\nAddress: {a}\n\n")));

    // A v4 exec exchange: stdout on channel 1, the Status on channel 3, then close (as the recorded v1.26 server sends).
    private static ExecRecording Exec(string stdout)
    {
        ExecFrame[] frames =
        [
            new(2, true, [1, .. Encoding.UTF8.GetBytes(stdout)]),
            new(2, true, [3, .. Encoding.UTF8.GetBytes("""{"metadata":{},"status":"Success"}""")]),
            new(8, true, [0x03, 0xe8]),
        ];
        return new ExecRecording("", "", 101, "v4.channel.k8s.io", [], frames, "");
    }
}
