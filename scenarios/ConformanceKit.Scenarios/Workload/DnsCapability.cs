using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Stable DNS per pod: the headless Service publishes a record for each pod it selects, so a selector that does
/// not select the set's pod template labels leaves every pod without its name, a violation the manifest already shows.
/// </summary>
public static class DnsCapability
{
    /// <summary>Checked when <paramref name="service"/>'s selector selects the pods of <paramref name="set"/>; a violation naming both otherwise.</summary>
    public static PromiseVerdict Judge(V1StatefulSet set, V1Service service)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(service);
        var selector = service.Spec?.Selector ?? new Dictionary<string, string>();
        var labels = set.Spec?.Template?.Metadata?.Labels ?? new Dictionary<string, string>();
        var serviceName = service.Metadata?.Name;
        if (selector.Count == 0)
        {
            return PromiseVerdict.Violation(WorkloadPromises.StableDns,
                $"Service {serviceName} has no selector, so it publishes no record for the pods of {set.Metadata?.Name}; give it a selector matching the pod template's labels");
        }

        var mismatched = selector.Where(s => !labels.TryGetValue(s.Key, out var value) || value != s.Value).ToList();
        return mismatched.Count == 0
            ? PromiseVerdict.Check(WorkloadPromises.StableDns,
                $"each pod's name under Service {serviceName} resolves to its IP from a probe pod, and follows a replacement")
            : PromiseVerdict.Violation(WorkloadPromises.StableDns,
                $"Service {serviceName} selects {Show(selector)}, which the pods of {set.Metadata?.Name} (labels {Show(labels)}) do not carry, so no pod gets its DNS name; make the selector match the pod template's labels");
    }

    private static string Show(IDictionary<string, string> labels) =>
        labels.Count == 0 ? "none" : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
