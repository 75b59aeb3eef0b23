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

    /// <summary>
    /// The API form, for an image without a <c>hostname</c> tool: the Service is headless and each pod's
    /// <c>spec.hostname</c> is its name and <c>spec.subdomain</c> the Service (what the kubelet makes the pod's hostname from).
    /// </summary>
    public static CheckResult CheckApi(V1Service service, IEnumerable<PodHistory> pods)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(pods);
        var list = pods.ToList();
        var serviceName = service.Metadata.Name ?? "?";
        var violations = new List<string>();
        if (service.Spec?.ClusterIP != "None")
        {
            violations.Add($"service {serviceName} has clusterIP {service.Spec?.ClusterIP ?? "unset"}, expected None (headless)");
        }

        violations.AddRange(list.Where(p => p.Hostname != p.Name).Select(p => $"{p.Label} has spec.hostname {p.Hostname ?? "unset"}, expected {p.Name}"));
        violations.AddRange(list.Where(p => p.Subdomain != serviceName).Select(p => $"{p.Label} has spec.subdomain {p.Subdomain ?? "unset"}, expected {serviceName}"));
        return CheckResult.From(Name, violations,
            $"service {serviceName} is headless and each of {list.Count} pods has spec.hostname = its name and spec.subdomain {serviceName} (read from the API: the image has no hostname tool)",
            list.Select(p => $"{p.Label}: spec.hostname {p.Hostname}, spec.subdomain {p.Subdomain}"));
    }
}
