using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// <see cref="ClaimSupply"/> on the user's set: one result per volumeClaimTemplate, each judged with the class its
/// claims get (the template's storageClassName, else the cluster's default class) when the classes could be read, else
/// with the binding mode the claims' own events show.
/// </summary>
public static class WorkloadClaimSupply
{
    /// <summary>Checks the claims of every template of <paramref name="set"/>; <paramref name="classes"/> is null when they could not be read.</summary>
    public static IReadOnlyList<CheckResult> Check(Timeline.Timeline timeline, V1StatefulSet set, IReadOnlyList<V1StorageClass>? classes)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(set);
        var shape = WorkloadShape.Of(set);
        return [.. (set.Spec?.VolumeClaimTemplates ?? []).Select(template => ClaimSupply.Check(
            timeline,
            template.Metadata?.Name ?? "",
            shape.Name,
            shape.Replicas,
            classes is null ? null : StorageClassProfile.ForClaim(template.Spec?.StorageClassName, classes)))];
    }
}
