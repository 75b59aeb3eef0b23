using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Where data markers can be written, decided from the manifest: for each volumeClaimTemplate, a container that
/// mounts it without readOnly. Whether that container's image has a shell is known only at run time
/// (<see cref="WithShells"/>); without one, claim and volume identity is checked instead.
/// </summary>
public sealed record DataMarkerPlan(IReadOnlyList<MarkerTarget> Targets, IReadOnlyList<string> Unmarked, PromiseVerdict Verdict)
{
    /// <summary>The plan for <paramref name="set"/>'s pod template.</summary>
    public static DataMarkerPlan For(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (StorageCapability.NoTemplates(set, WorkloadPromises.DataMarkers) is { } skip)
        {
            return new DataMarkerPlan([], [], skip);
        }

        var containers = set.Spec.Template?.Spec?.Containers ?? [];
        var targets = new List<MarkerTarget>();
        var unmarked = new List<string>();
        foreach (var template in set.Spec.VolumeClaimTemplates.Select(t => t.Metadata?.Name ?? ""))
        {
            var mounts = containers.SelectMany(c => (c.VolumeMounts ?? []).Where(m => m.Name == template).Select(m => (Container: c, Mount: m))).ToList();
            var writable = mounts.FirstOrDefault(m => m.Mount.ReadOnlyProperty != true);
            if (writable.Container is not null)
            {
                targets.Add(new MarkerTarget(template, writable.Container.Name, writable.Mount.MountPath, writable.Container.Image ?? ""));
            }
            else
            {
                unmarked.Add(mounts.Count == 0 ? $"{template} (mounted in no container)" : $"{template} (mounted read-only only)");
            }
        }

        var verdict = targets.Count == 0
            ? PromiseVerdict.Skip(WorkloadPromises.DataMarkers,
                $"no container mounts a claim writable ({string.Join(", ", unmarked)}): claim and volume identity is checked instead")
            : PromiseVerdict.Check(WorkloadPromises.DataMarkers,
                $"a marker file written {string.Join(", ", targets.Select(t => $"in {t.MountPath} of {t.Container} ({t.Template})"))} is read back after replacement and re-creation, if the image has a shell"
                + (unmarked.Count == 0 ? "" : $"; not marked: {string.Join(", ", unmarked)}"));
        return new DataMarkerPlan(targets, unmarked, verdict);
    }

    /// <summary>The plan once the run knows which containers have a shell (<c>sh</c>): targets without one are dropped, none left is a skip.</summary>
    public DataMarkerPlan WithShells(IReadOnlySet<string> containersWithShell)
    {
        ArgumentNullException.ThrowIfNull(containersWithShell);
        if (Verdict.Outcome != PromiseOutcome.Check)
        {
            return this;
        }

        var kept = Targets.Where(t => containersWithShell.Contains(t.Container)).ToList();
        var dropped = Targets.Except(kept).Select(t => $"{t.Template} (image {t.Image} of {t.Container} has no shell)").ToList();
        if (kept.Count == 0)
        {
            return new DataMarkerPlan([], [.. Unmarked, .. dropped], PromiseVerdict.Skip(WorkloadPromises.DataMarkers,
                $"markers need a shell in the image: {string.Join(", ", dropped)}; claim and volume identity is checked instead"));
        }

        return dropped.Count == 0 ? this : new DataMarkerPlan(kept, [.. Unmarked, .. dropped], PromiseVerdict.Check(WorkloadPromises.DataMarkers,
            $"markers in {string.Join(", ", kept.Select(t => $"{t.MountPath} of {t.Container} ({t.Template})"))}; not marked: {string.Join(", ", [.. Unmarked, .. dropped])}"));
    }
}
