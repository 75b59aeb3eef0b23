namespace ConformanceKit.Scenarios.Report;

/// <summary>A node of the target cluster as the run header shows it.</summary>
public sealed record NodeInfo(string Name, string? KubeletVersion, string? ContainerRuntimeVersion, string? OsImage);
