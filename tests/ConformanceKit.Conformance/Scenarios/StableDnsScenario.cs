using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 5: from a busybox pod, <c>&lt;pod&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.&lt;domain&gt;</c> (the cluster domain read
/// from the probe pod's resolv.conf, or <c>--cluster-domain</c>) resolves to that pod's current IPs (both of a
/// dual-stack pod's when the Service serves both families), follows a replacement to the new IP (within a deadline; how long it took is reported), and a name
/// for an ordinal that does not exist does not resolve. Each pod also answers HTTP through its name (the seed
/// article's <c>curl -I &lt;pod&gt;.&lt;svc&gt;</c>), before and after the replacement.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class StableDnsScenario : ScenarioTest
{
    private static readonly TimeSpan DnsDeadline = TimeSpan.FromSeconds(90);

    [Test]
    public async Task EachPodName_ResolvesToItsCurrentIp_AndFollowsAReplacement()
    {
        // Given a Ready StatefulSet of 3 and a busybox probe pod
        var set = SetParameters("web", StatefulSetVariant.Basic);
        await CreateSetAsync(set);
        var dns = await StartProbeAsync(set);
        var before = await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When each pod's name is looked up (and a missing ordinal's)
        var first = await ConvergeAsync(dns, set, before, "before replacement");

        // Then each name resolves to its pod's IP, web-9 does not resolve, and each pod answers HTTP by name
        Verify(first.Result);
        await VerifyReachableByNameAsync(dns, set, "before replacement");

        // When every pod is replaced
        var oldUids = before.PodsOf(set.Name).Values.Select(p => p.Metadata.Uid).ToHashSet();
        await Steps.DeletePodsAsync(set.PodSelector, Cancellation);
        var after = await Recorder.WaitUntilAsync(
            v => v.AllReady(set.Name, set.Replicas) && v.PodsOf(set.Name).Values.All(p => !oldUids.Contains(p.Metadata.Uid)),
            StepTimeout, "all pods replaced and Ready", Cancellation);

        // Then, within the deadline, each name resolves to the new pod's IP, and answers HTTP again
        Verify((await ConvergeAsync(dns, set, after, "after replacement")).Result);
        await VerifyReachableByNameAsync(dns, set, "after replacement");
    }

    [Test]
    public async Task ExpectingAMissingOrdinalToAnswerHttp_FailsTheReachabilityCheck()
    {
        // Given a Ready StatefulSet of 2 and a probe pod
        var set = SetParameters("web", StatefulSetVariant.Basic, replicas: 2);
        await CreateSetAsync(set);
        var dns = await StartProbeAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);

        // When the missing web-2 is probed as if it existed (the negative control)
        var probes = await Commands.HttpGetAsync("dns-probe", [Url(dns, set, 2)], Cancellation);

        // Then the check fails because nobody answers for web-2
        VerifyControlFails(HttpReachability.Check(probes), set.PodName(2));
    }

    [Test]
    public async Task ExpectingAMissingOrdinalToResolve_FailsTheDnsCheck()
    {
        // Given a Ready StatefulSet of 2, a probe pod, and the answers for web-0, web-1 and the missing web-2
        var set = SetParameters("web", StatefulSetVariant.Basic, replicas: 2);
        await CreateSetAsync(set);
        var dns = await StartProbeAsync(set);
        var view = await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);
        var converged = await ConvergeAsync(dns, set, view, "control");
        Verify(converged.Result);

        // When the check is told web-2 exists (the negative control)
        var ips = CurrentIps(set, view);
        ips[set.PodName(2)] = ips[set.PodName(0)];

        // Then it fails because web-2's name does not resolve
        VerifyControlFails(dns.Check(converged.Lookups, ips), set.PodName(2));
    }

    private async Task VerifyReachableByNameAsync(HeadlessDns dns, StatefulSetParameters set, string when)
    {
        Recorder.MarkStep($"wget by name {when}");
        var existing = await Commands.HttpGetAsync("dns-probe", Enumerable.Range(0, set.Replicas).Select(i => Url(dns, set, i)), Cancellation);
        var missing = await Commands.HttpGetAsync("dns-probe", [Url(dns, set, 9)], Cancellation);
        Verify(HttpReachability.Check(existing, missing));
    }

    private static string Url(HeadlessDns dns, StatefulSetParameters set, int ordinal) => $"http://{dns.Fqdn(set.PodName(ordinal))}/";

    // The probe runs before the cluster domain is read from its resolv.conf (unless --cluster-domain gives it).
    private async Task<HeadlessDns> StartProbeAsync(StatefulSetParameters set)
    {
        var probe = new PodParameters { Name = "dns-probe", Namespace = Namespace, Image = Options.BusyboxImage, Labels = RunLabels };
        await Steps.ApplyAsync(Manifests.Render(probe), "applied busybox dns-probe", Cancellation);
        await Steps.WaitRunningAsync(probe.Name, Cancellation);
        var dns = await HeadlessDns.ReadAsync(Client, Recorder, probe.Name, set.EffectiveServiceName, Options.ClusterDomain, Cancellation);
        foreach (var note in dns.Notes)
        {
            Note(note);
        }

        return dns;
    }

    private async Task<DnsConvergence> ConvergeAsync(HeadlessDns dns, StatefulSetParameters set, NamespaceView view, string when)
    {
        var ips = CurrentIps(set, view);
        var missing = new[] { set.PodName(9) };
        var names = ips.Keys.Concat(missing).Select(dns.Fqdn).ToList();
        Recorder.MarkStep($"nslookup {when}");
        var converged = await DnsConvergence.WaitAsync(
            Commands, "dns-probe", names, lookups => dns.Check(lookups, ips, missing), DnsDeadline, Cancellation);
        Note($"DNS {when}: {(converged.Result.Passed ? "converged" : "NOT converged")} after {converged.Elapsed.TotalSeconds:0.0} s " +
            $"({converged.Attempts} rounds, deadline {DnsDeadline.TotalSeconds:0} s); IPs {string.Join(", ", ips.Select(i => $"{i.Key}={string.Join("/", i.Value)}"))}");
        return converged;
    }

    private static Dictionary<string, IReadOnlyList<string>> CurrentIps(StatefulSetParameters set, NamespaceView view) =>
        view.PodsOf(set.Name).ToDictionary(p => set.PodName(p.Key), p => DnsResolution.PodIps(p.Value));
}
