using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>The DNS probe of the workload scenarios: a busybox pod looking up each pod's name under the user's headless Service.</summary>
public abstract partial class WorkloadScenarioTest
{
    private const string ProbePod = "ck-dns-probe";
    private static readonly TimeSpan DnsDeadline = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts the busybox DNS probe pod, then reads the cluster domain from its resolv.conf (unless --cluster-domain
    /// gives it) and the headless Service's IP families, noted in the report.
    /// </summary>
    protected async Task<HeadlessDns> StartProbeAsync()
    {
        var probe = new ConformanceKit.Scenarios.Manifests.PodParameters { Name = ProbePod, Namespace = Namespace, Image = Options.BusyboxImage, Labels = RunLabels };
        await Steps.ApplyAsync(Manifests.Render(probe), $"applied busybox {ProbePod}", Cancellation);
        await Steps.WaitRunningAsync(ProbePod, Cancellation);
        var dns = await HeadlessDns.ReadAsync(Client, Recorder, ProbePod, Shape.ServiceName, Options.ClusterDomain, Cancellation);
        foreach (var note in dns.Notes)
        {
            Note(note);
        }

        return dns;
    }

    /// <summary>Looks up every pod's name under the headless Service (and one ordinal past the end) until they answer with the pods' IPs, or the deadline.</summary>
    protected async Task<DnsConvergence> ConvergeDnsAsync(HeadlessDns dns, NamespaceView view, string when)
    {
        var ips = view.PodsOf(Shape.Name).ToDictionary(p => Shape.PodName(p.Key), p => DnsResolution.PodIps(p.Value));
        string[] missing = [Shape.PodName(Shape.Replicas)];
        var names = ips.Keys.Concat(missing).Select(dns.Fqdn).ToList();
        Recorder.MarkStep($"nslookup {when}");
        var converged = await DnsConvergence.WaitAsync(new PodCommands(Client, Recorder), ProbePod, names,
            lookups => dns.Check(lookups, ips, missing), DnsDeadline, Cancellation);
        Note($"DNS {when}: {(converged.Result.Passed ? "converged" : "NOT converged")} after {converged.Elapsed.TotalSeconds:0.0} s ({converged.Attempts} rounds)");
        return converged;
    }
}
