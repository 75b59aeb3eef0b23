using System.Net;
using System.Net.Sockets;
using ConformanceKit.Scenarios.Parsing;
using k8s.Models;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Stable DNS: each <c>&lt;pod&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.&lt;domain&gt;</c> resolves to that pod's current IPs: its
/// <c>status.podIPs</c> (one per address family on a dual-stack cluster) of the families the headless Service serves.
/// </summary>
public static class DnsResolution
{
    private const string Name = nameof(DnsResolution);

    /// <summary>The FQDN of a pod behind a headless service.</summary>
    public static string PodFqdn(string pod, string service, string ns, string clusterDomain = ClusterDomain.Default) =>
        $"{pod}.{service}.{ns}.svc.{clusterDomain}";

    /// <summary>A pod's current IPs: <c>status.podIPs</c>, else <c>status.podIP</c>; empty while it has none.</summary>
    public static IReadOnlyList<string> PodIps(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var listed = (pod.Status?.PodIPs ?? []).Select(p => p.Ip).Where(ip => !string.IsNullOrEmpty(ip)).Distinct(StringComparer.Ordinal).ToList();
        return listed.Count > 0 ? listed : string.IsNullOrEmpty(pod.Status?.PodIP) ? [] : [pod.Status.PodIP];
    }

    /// <summary>The address family of an IP as Kubernetes names it (<c>IPv4</c>, <c>IPv6</c>); null when it is not an IP.</summary>
    public static string? FamilyOf(string ip) =>
        IPAddress.TryParse(ip, out var address)
            ? address.AddressFamily switch { AddressFamily.InterNetwork => "IPv4", AddressFamily.InterNetworkV6 => "IPv6", _ => null }
            : null;

    /// <summary>
    /// Checks that every pod in <paramref name="currentIps"/> (pod name → current IP) resolves to exactly that IP,
    /// and that no name of <paramref name="missingPods"/> (ordinals that do not exist) resolves at all.
    /// </summary>
    public static CheckResult Check(NslookupOutput lookups, IReadOnlyDictionary<string, string> currentIps,
        string service, string ns, IEnumerable<string>? missingPods = null, string clusterDomain = ClusterDomain.Default)
    {
        ArgumentNullException.ThrowIfNull(currentIps);
        return Check(lookups, currentIps.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[kv.Value], StringComparer.Ordinal),
            service, ns, missingPods, clusterDomain);
    }

    /// <summary>
    /// Checks that every pod in <paramref name="podIps"/> (pod name → its IPs, as <see cref="PodIps"/> gives them)
    /// resolves to the set of its IPs of the <paramref name="serviceFamilies"/> (the headless Service's
    /// <c>spec.ipFamilies</c>; null or empty: all of them): each of those answered and no address that is not the
    /// pod's. A single-stack Service on a dual-stack cluster has endpoints, so DNS answers, of its one family only.
    /// No name of <paramref name="missingPods"/> (ordinals that do not exist) may resolve at all.
    /// </summary>
    public static CheckResult Check(NslookupOutput lookups, IReadOnlyDictionary<string, IReadOnlyList<string>> podIps,
        string service, string ns, IEnumerable<string>? missingPods = null, string clusterDomain = ClusterDomain.Default,
        IReadOnlyCollection<string>? serviceFamilies = null)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(podIps);
        var violations = new List<string>();
        var facts = new List<string>();
        var missing = (missingPods ?? []).ToList();
        foreach (var (pod, ips) in podIps.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var fqdn = PodFqdn(pod, service, ns, clusterDomain);
            var answers = lookups.AddressesOf(fqdn);
            var expected = Expected(ips, serviceFamilies);
            facts.Add($"{fqdn} -> {(answers.Count == 0 ? "no answer" : string.Join(", ", answers))} ({PodIpsFact(ips, expected, serviceFamilies)})");
            if (answers.Count == 0)
            {
                violations.Add($"{fqdn} did not resolve{(lookups.NotFound.Contains(NslookupParser.Normalize(fqdn)) ? " (NXDOMAIN)" : "")}, expected {pod}'s {Ips(expected)}");
                continue;
            }

            var unanswered = expected.Where(ip => !answers.Any(a => SameIp(a, ip))).ToList();
            var foreign = answers.Where(a => !ips.Any(ip => SameIp(a, ip))).ToList();
            if (unanswered.Count > 0 || foreign.Count > 0)
            {
                violations.Add($"{fqdn} resolved to {string.Join(", ", answers)}, expected {pod}'s current {Ips(expected)}{Detail(ips, unanswered, foreign)}");
            }
        }

        foreach (var pod in missing)
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

        var plural = podIps.Values.Any(ips => Expected(ips, serviceFamilies).Count > 1) ? "s" : "";
        return CheckResult.From(Name, violations,
            $"each of {podIps.Count} pod names resolved to its pod's current IP{plural} and {missing.Count} missing ordinal(s) did not resolve", facts);
    }

    // The IPs DNS must answer: those of a family the Service serves (an address of unknown family stays expected);
    // all of them when the families are not known or none of the pod's IPs is of one.
    private static IReadOnlyList<string> Expected(IReadOnlyList<string> ips, IReadOnlyCollection<string>? families)
    {
        if (families is not { Count: > 0 })
        {
            return ips;
        }

        var served = ips.Where(ip => FamilyOf(ip) is not { } family || families.Contains(family, StringComparer.OrdinalIgnoreCase)).ToList();
        return served.Count > 0 ? served : ips;
    }

    private static bool SameIp(string answer, string ip) =>
        IPAddress.TryParse(answer, out var a) && IPAddress.TryParse(ip, out var b) ? a.Equals(b) : string.Equals(answer, ip, StringComparison.Ordinal);

    private static string Ips(IReadOnlyList<string> ips) => ips.Count switch
    {
        0 => "IP (none yet)",
        1 => $"IP {ips[0]}",
        _ => $"IPs {string.Join(", ", ips)}",
    };

    private static string PodIpsFact(IReadOnlyList<string> ips, IReadOnlyList<string> expected, IReadOnlyCollection<string>? families) =>
        expected.Count == ips.Count
            ? $"pod {Ips(ips)}"
            : $"pod {Ips(ips)}; the Service serves {string.Join(", ", families!)} only: expected {string.Join(", ", expected)}";

    // Said only for a pod of several IPs: with one, the message already tells what was answered instead.
    private static string Detail(IReadOnlyList<string> ips, IReadOnlyList<string> unanswered, IReadOnlyList<string> foreign)
    {
        if (ips.Count < 2)
        {
            return "";
        }

        var parts = unanswered.Select(ip => $"{ip} not answered").Concat(foreign.Select(ip => $"{ip} is not the pod's"));
        return $" ({string.Join("; ", parts)})";
    }
}
