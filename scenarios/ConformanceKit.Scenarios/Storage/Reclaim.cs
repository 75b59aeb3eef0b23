using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Reclaim: after the test deleted its claims, each claim's volume is gone (reclaimPolicy Delete) or kept Released
/// with its claimRef (Retain: reported by name as a warning). Only volumes provisioned for claims in this run's
/// namespaces are ever ours to delete.
/// </summary>
public static class Reclaim
{
    private const string Name = nameof(Reclaim);

    /// <summary>
    /// Checks <paramref name="volumesNow"/> (a list of PersistentVolumes taken after the claims were gone) against the
    /// volumes the claims were bound to (claim name → volume name) under <paramref name="reclaimPolicy"/>.
    /// </summary>
    public static CheckResult Check(string storageClass, string reclaimPolicy, IReadOnlyDictionary<string, string> volumeOfClaim, IReadOnlyList<V1PersistentVolume> volumesNow)
    {
        ArgumentNullException.ThrowIfNull(volumeOfClaim);
        ArgumentNullException.ThrowIfNull(volumesNow);
        var violations = new List<string>();
        var kept = new List<string>();
        foreach (var (claim, volumeName) in volumeOfClaim.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var volume = volumesNow.FirstOrDefault(v => v.Metadata.Name == volumeName);
            var phase = volume?.Status?.Phase ?? "gone";
            if (reclaimPolicy == "Retain")
            {
                if (volume is null)
                {
                    violations.Add($"volume {volumeName} of claim {claim} was deleted although class {storageClass} has reclaimPolicy Retain");
                }
                else if (phase != "Released")
                {
                    violations.Add($"volume {volumeName} of the deleted claim {claim} is {phase}, expected Released (reclaimPolicy Retain)");
                }
                else
                {
                    kept.Add(volumeName);
                }
            }
            else if (volume is not null)
            {
                violations.Add($"volume {volumeName} of the deleted claim {claim} still exists ({phase}) although class {storageClass} has reclaimPolicy {reclaimPolicy}");
            }
        }

        var pass = reclaimPolicy == "Retain"
            ? $"warning: class {storageClass} retains volumes: {string.Join(", ", kept)} stay Released after their claims were deleted (at cleanup this run has their provisioner delete those it provisioned)"
            : $"the {volumeOfClaim.Count} volumes of the deleted claims were deleted (reclaimPolicy {reclaimPolicy} on class {storageClass})";
        return CheckResult.From(Name, violations, pass, volumeOfClaim.Select(kv => $"{kv.Key} -> {kv.Value}"));
    }

    /// <summary>The annotation a provisioner puts on every volume it created for a claim.</summary>
    public const string ProvisionedByAnnotation = "pv.kubernetes.io/provisioned-by";

    /// <summary>
    /// The volumes this run made that their class keeps, and so the only ones it may have deleted: reclaimPolicy Retain
    /// (a Delete volume is the provisioner's to remove with its disk anyway), dynamically provisioned (they carry
    /// <see cref="ProvisionedByAnnotation"/>; a pre-provisioned volume is its administrator's, whichever claim it was
    /// bound to) and their claimRef's namespace is one of <paramref name="runNamespaces"/> (the namespaces this run
    /// created), in any phase. Every other volume is left alone, whatever its name or class.
    /// </summary>
    public static IReadOnlyList<V1PersistentVolume> RetainedOfRun(IReadOnlyList<V1PersistentVolume> volumes, IReadOnlySet<string> runNamespaces)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(runNamespaces);
        return volumes
            .Where(v => v.Spec?.PersistentVolumeReclaimPolicy == "Retain" && v.Spec.ClaimRef?.NamespaceProperty is { } ns && runNamespaces.Contains(ns)
                && v.Metadata.Annotations?.ContainsKey(ProvisionedByAnnotation) == true)
            .ToList();
    }
}
