using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Whether the server keeps <c>spec.persistentVolumeClaimRetentionPolicy</c>: servers without the
/// StatefulSetAutoDeletePVC feature gate silently drop the field, so support is read back from the stored object.
/// </summary>
public static class RetentionPolicySupport
{
    /// <summary>Null when the stored set carries a retention policy; else why the retention-policy test is skipped.</summary>
    public static string? SkipReason(V1StatefulSet stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Spec?.PersistentVolumeClaimRetentionPolicy is null
            ? $"the server did not store spec.persistentVolumeClaimRetentionPolicy of StatefulSet {stored.Metadata.Name}: its StatefulSetAutoDeletePVC feature gate is off (alpha in v1.23-v1.26, beta and on by default from v1.27)"
            : null;
    }

    /// <summary>Null when the stored policy is the one applied; else what the server stored instead.</summary>
    public static string? Mismatch(V1StatefulSet stored, string whenScaled, string whenDeleted)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var policy = stored.Spec?.PersistentVolumeClaimRetentionPolicy;
        return policy?.WhenScaled == whenScaled && policy.WhenDeleted == whenDeleted
            ? null
            : $"the server stored persistentVolumeClaimRetentionPolicy {{whenScaled: {policy?.WhenScaled ?? "unset"}, whenDeleted: {policy?.WhenDeleted ?? "unset"}}}, not the applied {{whenScaled: {whenScaled}, whenDeleted: {whenDeleted}}}";
    }
}
