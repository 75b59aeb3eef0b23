using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The storage promises on the user's set: they need volumeClaimTemplates, and a
/// persistentVolumeClaimRetentionPolicy that deletes claims breaks the promise that they survive.
/// </summary>
public static class StorageCapability
{
    /// <summary>One claim per template per pod, Bound, kept across pod replacement.</summary>
    public static PromiseVerdict PerPodStorage(V1StatefulSet set) =>
        NoTemplates(set, WorkloadPromises.PerPodStorage)
        ?? PromiseVerdict.Check(WorkloadPromises.PerPodStorage,
            $"one claim per template ({Templates(set)}) per pod, Bound, the same claim and volume after the pod is replaced");

    /// <summary>The claims survive a scale to 0; <c>whenScaled: Delete</c> breaks it.</summary>
    public static PromiseVerdict SurviveScaleToZero(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var whenScaled = set.Spec?.PersistentVolumeClaimRetentionPolicy?.WhenScaled;
        return NoTemplates(set, WorkloadPromises.ClaimsSurviveScaleToZero)
            ?? (whenScaled == "Delete"
                ? PromiseVerdict.Violation(WorkloadPromises.ClaimsSurviveScaleToZero,
                    "persistentVolumeClaimRetentionPolicy.whenScaled is Delete: the claims of the pods a scale-down removes are deleted with them, so their data does not survive a scale to 0")
                : PromiseVerdict.Check(WorkloadPromises.ClaimsSurviveScaleToZero,
                    $"after a scale to 0 and back every claim ({Templates(set)}) is still there, bound to the same volume (whenScaled {whenScaled ?? "Retain"})"));
    }

    /// <summary>The claims survive the set's deletion and re-creation; <c>whenDeleted: Delete</c> breaks it.</summary>
    public static PromiseVerdict SurviveTheSet(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var whenDeleted = set.Spec?.PersistentVolumeClaimRetentionPolicy?.WhenDeleted;
        return NoTemplates(set, WorkloadPromises.ClaimsSurviveTheSet)
            ?? (whenDeleted == "Delete"
                ? PromiseVerdict.Violation(WorkloadPromises.ClaimsSurviveTheSet,
                    "persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: deleting the StatefulSet deletes its claims, so the data does not survive the set")
                : PromiseVerdict.Check(WorkloadPromises.ClaimsSurviveTheSet,
                    $"after the set is deleted and re-created the same claims ({Templates(set)}) and volumes come back (whenDeleted {whenDeleted ?? "Retain"})"));
    }

    internal static PromiseVerdict? NoTemplates(V1StatefulSet set, string promise)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Spec?.VolumeClaimTemplates is { Count: > 0 }
            ? null
            : PromiseVerdict.Skip(promise, "the StatefulSet has no volumeClaimTemplates, so its pods have no claims of their own to check");
    }

    private static string Templates(V1StatefulSet set) => string.Join(", ", set.Spec.VolumeClaimTemplates.Select(t => t.Metadata?.Name));
}
