namespace ConformanceKit.Scenarios.Workload;

/// <summary>Where a data marker for one claim template is written: a container that mounts the claim writable, and the path.</summary>
/// <param name="Template">The volumeClaimTemplate's name.</param>
/// <param name="Container">The container whose mount is used.</param>
/// <param name="MountPath">The mount path in that container.</param>
/// <param name="Image">The container's image (it must have a shell).</param>
public sealed record MarkerTarget(string Template, string Container, string MountPath, string Image)
{
    /// <summary>The marker file: hidden, named after the run, directly under the mount path.</summary>
    public string FilePath(string sessionId) => $"{MountPath.TrimEnd('/')}/.conformancekit-marker-{sessionId}";
}
