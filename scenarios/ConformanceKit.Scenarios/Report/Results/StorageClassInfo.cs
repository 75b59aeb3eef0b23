namespace ConformanceKit.Scenarios.Report;

/// <summary>A storage class the run used, as the run header shows it.</summary>
public sealed record StorageClassInfo(string Name, string? Provisioner, string? VolumeBindingMode, string? ReclaimPolicy, bool? AllowVolumeExpansion);
