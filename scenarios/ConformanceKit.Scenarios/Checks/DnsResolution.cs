using ConformanceKit.Scenarios.Parsing;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>Stable DNS: each <c>&lt;pod&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.&lt;domain&gt;</c> resolves to that pod's current IP.</summary>
public static class DnsResolution
{
    private const string Name = nameof(DnsResolution);

    /// <summary>The FQDN of a pod behind a headless service.</summary>
    public static string PodFqdn(string pod, string service, string ns, string clusterDomain = "cluster.local") =>
        $"{pod}.{service}.{ns}.svc.{clusterDomain}";

    /// <summary>
    /// Checks that every pod in <paramref name="currentIps"/> (pod name → current IP) resolves to exactly that IP,
    /// and that no name of <paramref name="missingPods"/> (ordinals that do not exist) resolves at all.
    /// </summary>
    public static CheckResult Check(NslookupOutput lookups, IReadOnlyDictionary<string, string> currentIps,
        string service, string ns, IEnumerable<string>? missingPods = null, string clusterDomain = "cluster.local")
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(currentIps);
        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var (pod, ip) in currentIps.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var fqdn = PodFqdn(pod, service, ns, clusterDomain);
            var answers = lookups.AddressesOf(fqdn);
            facts.Add($"{fqdn} -> {(answers.Count == 0 ? "no answer" : string.Join(", ", answers))} (pod IP {ip})");
            if (answers.Count == 0)
            {
                violations.Add($"{fqdn} did not resolve{(lookups.NotFound.Contains(NslookupParser.Normalize(fqdn)) ? " (NXDOMAIN)" : "")}, expected {pod}'s IP {ip}");
            }
            else if (answers.Count != 1 || answers[0] != ip)
            {
                violations.Add($"{fqdn} resolved to {string.Join(", ", answers)}, expected {pod}'s current IP {ip}");
            }
        }

        foreach (var pod in missingPods ?? [])
        {
            var fqdn = PodFqdn(pod, service, ns, clusterDomain);
            var answers = lookups.AddressesOf(fqdn);
            if (answers.Count > 0)
            {
                violations.Add($"{fqdn} resolved to {string.Join(", ", answers)} although pod {pod} does not exist");
            }
            else
            {
                facts.Add($"{fqdn} -> {(lookups.NotFound.Contains(NslookupParser.Normalize(fqdn)) ? "NXDOMAIN" : "no answer")} (no such pod)");
            }
        }

        return CheckResult.From(Name, violations,
            $"each of {currentIps.Count} pod names resolved to its pod's current IP and {missingPods?.Count() ?? 0} missing ordinal(s) did not resolve", facts);
    }
}
