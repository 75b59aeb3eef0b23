using ConformanceKit.Kube.Models;
using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Reclaim: after the test deleted its claims, each claim's volume is gone (reclaimPolicy Delete) or kept Released
/// with its claimRef (Retain: reported by name as a warning). Only volumes whose claimRef is in one of this run's
/// namespaces are ever ours to delete.
/// </summary>
public static class Reclaim
{
    private const string Name = nameof(Reclaim);

    /// <summary>
    /// Checks <paramref name="volumesNow"/> (a list of PersistentVolumes taken after the claims were gone) against the
    /// volumes the claims were bound to (claim name → volume name) under <paramref name="reclaimPolicy"/>.
    /// </summary>
    public static CheckResult Check(string storageClass, string reclaimPolicy, IReadOnlyDictionary<string, string> volumeOfClaim, IReadOnlyList<PersistentVolume> volumesNow)
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
            ? $"warning: class {storageClass} retains volumes: {string.Join(", ", kept)} stay Released after their claims were deleted (this run deletes them at cleanup)"
            : $"the {volumeOfClaim.Count} volumes of the deleted claims were deleted (reclaimPolicy {reclaimPolicy} on class {storageClass})";
        return CheckResult.From(Name, violations, pass, volumeOfClaim.Select(kv => $"{kv.Key} -> {kv.Value}"));
    }

    /// <summary>
    /// The volumes this run may delete: reclaimPolicy Retain (a Delete volume is the provisioner's to remove with its
    /// disk), not Bound, and their claimRef's namespace is one of <paramref name="runNamespaces"/> (the namespaces this
    /// run created). Every other volume is left alone, whatever its name or class.
    /// </summary>
    public static IReadOnlyList<PersistentVolume> OursToDelete(IReadOnlyList<PersistentVolume> volumes, IReadOnlySet<string> runNamespaces)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(runNamespaces);
        return volumes
            .Where(v => v.Spec?.PersistentVolumeReclaimPolicy == "Retain" && v.Spec.ClaimRef?.Namespace is { } ns && runNamespaces.Contains(ns)
                && v.Status?.Phase != "Bound")
            .ToList();
    }
}
