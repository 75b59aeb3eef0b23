using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Recording;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// Where the pod names of a headless Service live and what they must answer: the cluster domain (read from the probe
/// pod's resolv.conf unless given) and the address families the Service serves (its <c>spec.ipFamilies</c> as the
/// server stored them), for <see cref="DnsResolution.Check(NslookupOutput, IReadOnlyDictionary{string, IReadOnlyList{string}}, string, string, IEnumerable{string}?, string, IReadOnlyCollection{string}?)"/>.
/// </summary>
/// <param name="Service">The headless Service.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Domain">The cluster domain and where it came from.</param>
/// <param name="ServiceFamilies">The Service's <c>spec.ipFamilies</c>; empty when unknown (then every pod IP is expected).</param>
public sealed record HeadlessDns(string Service, string Namespace, ClusterDomain Domain, IReadOnlyList<string> ServiceFamilies)
{
    /// <summary>Lines for the scenario's report: the domain's note, and the Service's families.</summary>
    public IReadOnlyList<string> Notes =>
    [
        Domain.Note,
        ServiceFamilies.Count > 0
            ? $"Service {Service} serves {string.Join(", ", ServiceFamilies)} (spec.ipFamilies): each pod name must answer the pod's IPs of those families"
            : $"Service {Service}'s spec.ipFamilies unknown: each pod name must answer all of the pod's IPs",
    ];

    /// <summary>The FQDN of <paramref name="pod"/> under the Service, in the cluster domain.</summary>
    public string Fqdn(string pod) => DnsResolution.PodFqdn(pod, Service, Namespace, Domain.Name);

    /// <summary>The DNS check of the pods' names (pod name → IPs, from <see cref="DnsResolution.PodIps"/>) and the missing ordinals'.</summary>
    public CheckResult Check(NslookupOutput lookups, IReadOnlyDictionary<string, IReadOnlyList<string>> podIps, IEnumerable<string>? missingPods = null) =>
        DnsResolution.Check(lookups, podIps, Service, Namespace, missingPods, Domain.Name, ServiceFamilies);

    /// <summary>
    /// Reads, once the probe pod runs, the cluster domain from its resolv.conf (or takes <paramref name="clusterDomain"/>
    /// when given) and the Service's <c>spec.ipFamilies</c> (unknown when the Service cannot be read).
    /// </summary>
    public static async Task<HeadlessDns> ReadAsync(KubeClient client, ScenarioRecorder recorder, string probePod, string service,
        string? clusterDomain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(recorder);
        var domain = clusterDomain is null
            ? await new PodCommands(client, recorder).ClusterDomainAsync(probePod, cancellationToken).ConfigureAwait(false)
            : ClusterDomain.Given(clusterDomain, "ClusterDomain");
        IReadOnlyList<string> families;
        try
        {
            var stored = await client.GetAsync<V1Service>(recorder.Namespace, service, cancellationToken).ConfigureAwait(false);
            families = [.. stored?.Spec?.IpFamilies ?? []];
        }
        catch (KubeApiException)
        {
            // Not readable by this user: every pod IP is then expected, as on a single-stack cluster.
            families = [];
        }

        return new HeadlessDns(service, recorder.Namespace, domain, families);
    }
}
