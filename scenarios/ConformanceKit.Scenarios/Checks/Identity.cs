using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Network identity: the governing Service is headless (<c>clusterIP: None</c>), each pod has
/// <c>spec.hostname</c> = its name and <c>spec.subdomain</c> = the service, and <c>hostname</c> run in it prints its name.
/// </summary>
public static class Identity
{
    private const string Name = nameof(Identity);

    /// <summary>Checks the service, the pods and the <c>hostname</c> outputs (pod name → output).</summary>
    public static CheckResult Check(V1Service service, IEnumerable<PodHistory> pods, IReadOnlyDictionary<string, string> hostnameOutputs)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(hostnameOutputs);
        var violations = new List<string>();
        var serviceName = service.Metadata.Name ?? "?";
        if (service.Spec?.ClusterIP != "None")
        {
            violations.Add($"service {serviceName} has clusterIP {service.Spec?.ClusterIP ?? "unset"}, expected None (headless)");
        }

        var list = pods.ToList();
        foreach (var pod in list)
        {
            if (pod.Hostname != pod.Name)
            {
                violations.Add($"{pod.Label} has spec.hostname {pod.Hostname ?? "unset"}, expected {pod.Name}");
            }

            if (pod.Subdomain != serviceName)
            {
                violations.Add($"{pod.Label} has spec.subdomain {pod.Subdomain ?? "unset"}, expected {serviceName}");
            }

            if (!hostnameOutputs.TryGetValue(pod.Name, out var output))
            {
                violations.Add($"hostname was not run in {pod.Label}");
            }
            else if (output.Trim() != pod.Name)
            {
                violations.Add($"hostname in {pod.Label} printed '{output.Trim()}', expected {pod.Name}");
            }
        }

        return CheckResult.From(Name, violations,
            $"service {serviceName} is headless and each of {list.Count} pods has hostname = its name and subdomain {serviceName}",
            list.Select(p => $"{p.Label}: hostname {p.Hostname}, subdomain {p.Subdomain}, `hostname` -> {(hostnameOutputs.TryGetValue(p.Name, out var o) ? o.Trim() : "not run")}"));
    }
}
