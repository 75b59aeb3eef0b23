namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// spec.persistentVolumeClaimRetentionPolicy of a StatefulSet: what happens to the claims of scaled-away ordinals
/// (<see cref="WhenScaled"/>) and of every ordinal when the set is deleted (<see cref="WhenDeleted"/>), each
/// <c>Retain</c> or <c>Delete</c>. Servers without the StatefulSetAutoDeletePVC gate drop the field.
/// </summary>
public sealed record ClaimRetentionPolicy(string WhenScaled, string WhenDeleted);
