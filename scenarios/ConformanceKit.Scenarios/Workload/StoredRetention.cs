using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The two claim-survival promises judged on the StatefulSet as the server stored it, not as the manifest wrote it:
/// a server without the StatefulSetAutoDeletePVC feature gate (alpha and off by default up to v1.26) drops
/// <c>spec.persistentVolumeClaimRetentionPolicy</c>, so a <c>Delete</c> in the manifest deletes nothing there and the
/// promise is checked; a server from v1.27 on stores the policy (and defaults it to Retain/Retain when it is absent).
/// </summary>
public static class StoredRetention
{
    /// <summary>
    /// The verdict of <paramref name="promise"/> (<see cref="WorkloadPromises.ClaimsSurviveScaleToZero"/> or
    /// <see cref="WorkloadPromises.ClaimsSurviveTheSet"/>) on <paramref name="stored"/>; when the server dropped a
    /// policy <paramref name="declared"/> sets, the reason says so.
    /// </summary>
    /// <exception cref="ArgumentException">The promise is not one of the two claim-survival promises.</exception>
    public static PromiseVerdict Decide(string promise, V1StatefulSet declared, V1StatefulSet stored)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(stored);
        var verdict = promise switch
        {
            WorkloadPromises.ClaimsSurviveScaleToZero => StorageCapability.SurviveScaleToZero(stored),
            WorkloadPromises.ClaimsSurviveTheSet => StorageCapability.SurviveTheSet(stored),
            _ => throw new ArgumentException(
                $"'{promise}' is not judged on the stored retention policy (only {WorkloadPromises.ClaimsSurviveScaleToZero} and {WorkloadPromises.ClaimsSurviveTheSet})",
                nameof(promise)),
        };
        var written = declared.Spec?.PersistentVolumeClaimRetentionPolicy;
        return written is not null && stored.Spec?.PersistentVolumeClaimRetentionPolicy is null
            ? verdict with
            {
                Reason = $"the manifest sets persistentVolumeClaimRetentionPolicy {{whenScaled: {written.WhenScaled ?? "unset"}, whenDeleted: {written.WhenDeleted ?? "unset"}}} " +
                    $"but the server did not store it (its StatefulSetAutoDeletePVC feature gate is off: alpha in v1.23-v1.26, on by default from v1.27), so the claims are kept; {verdict.Reason}",
            }
            : verdict;
    }
}
