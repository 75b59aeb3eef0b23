using System.Text;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// The routes of a Ready sfs-test01 in the workload's namespace: its three pods Running and Ready with the IPs
/// 10.42.0.1-3 and its claims Bound (on the recorder's watches), the probe pod Running once it is applied, and the
/// probe's nslookup answered by exec the way busybox answers: the address <c>answer(namespace, name)</c> gives, or
/// NXDOMAIN when it gives none.
/// </summary>
internal static class ReadySetServer
{
    /// <summary>Each pod's name resolves to its own IP (10.42.0.ordinal+1); any other name is NXDOMAIN.</summary>
    public static string? Truthful(string ns, string name) =>
        Enumerable.Range(0, 3).Where(i => name == DnsResolution.PodFqdn($"sfs-test01-{i}", "sfs-service01", ns)).Select(i => $"10.42.0.{i + 1}").FirstOrDefault();

    public static Task<WorkloadApiServer> StartAsync(Func<string, string, string?> answer)
    {
        var probeApplied = new TaskCompletionSource();
        return WorkloadApiServer.StartAsync(
            watch: (ns, resource) => resource switch
            {
                "pods" => Pods(ns, new WatchScript()).WaitFor(probeApplied.Task).Event("ADDED", Pod(ns, "ck-dns-probe", "10.42.0.9")).HoldOpen(),
                "persistentvolumeclaims" => Claims(ns, new WatchScript()).HoldOpen(),
                _ => new WatchScript().HoldOpen(),
            },
            more: (server, ns) => server
                .Map("PATCH", $"/api/v1/namespaces/{ns}/pods/ck-dns-probe", async context =>
                {
                    await WorkloadApiServer.EchoAsync(context);
                    probeApplied.TrySetResult();
                })
                .Map("GET", $"/api/v1/namespaces/{ns}/pods/ck-dns-probe/exec", context =>
                {
                    var name = context.Request.Query["command"].Last() ?? "";
                    return Nslookup(name, answer(ns, name)).ServeAsync(context);
                }));
    }

    private static WatchScript Pods(string ns, WatchScript script) =>
        Enumerable.Range(0, 3).Aggregate(script, (s, i) => s.Event("ADDED", Pod(ns, $"sfs-test01-{i}", $"10.42.0.{i + 1}")));

    private static WatchScript Claims(string ns, WatchScript script) =>
        Enumerable.Range(0, 3).Aggregate(script, (s, i) => s.Event("ADDED",
            $$$"""{"kind":"PersistentVolumeClaim","apiVersion":"v1","metadata":{"name":"sfs-vol01-sfs-test01-{{{i}}}","namespace":"{{{ns}}}","uid":"c{{{i}}}","resourceVersion":"{{{110 + i}}}","creationTimestamp":"2026-12-01T10:00:0{{{i}}}Z"},"spec":{"volumeName":"pvc-{{{i}}}"},"status":{"phase":"Bound"}}"""));

    private static string Pod(string ns, string name, string ip) =>
        $$$"""{"kind":"Pod","apiVersion":"v1","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"u-{{{name}}}","resourceVersion":"{{{120 + ip[^1]}}}","creationTimestamp":"2026-12-01T10:00:00Z"},"spec":{"containers":[{"name":"c","image":"busybox"}]},"status":{"phase":"Running","podIP":"{{{ip}}}","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-12-01T10:00:05Z"}]}}""";

    // A v4 exec exchange: stdout on channel 1, the Status on channel 3, then close (as the recorded v1.26 server sends).
    private static ExecRecording Nslookup(string name, string? address)
    {
        var stdout = address is null
            ? $"Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n** server can't find {name}: NXDOMAIN\n\n"
            : $"Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\nName:\t{name}\nAddress: {address}\n\n";
        ExecFrame[] frames =
        [
            new(2, true, [1, .. Encoding.UTF8.GetBytes(stdout)]),
            new(2, true, [3, .. Encoding.UTF8.GetBytes("""{"metadata":{},"status":"Success"}""")]),
            new(8, true, [0x03, 0xe8]),
        ];
        return new ExecRecording("", "", 101, "v4.channel.k8s.io", [], frames, "");
    }
}
