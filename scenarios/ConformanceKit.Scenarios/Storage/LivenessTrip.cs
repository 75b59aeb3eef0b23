using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// How the restart scenario kills a container from outside, whatever the image's PID 1 does with signals: the pods of
/// <c>statefulset-restart.yaml</c> carry the exec liveness probe <see cref="ProbeCommand"/>, and creating
/// <see cref="FailFile"/> in one of them (<see cref="TripCommand"/>) makes the kubelet kill that container (SIGTERM,
/// SIGKILL after the probe's 1 s grace) and start a new one in the same pod. Both need a tool from the workload image
/// (<c>test</c> for the probe, <c>touch</c> for the trip); an image without it cannot be measured this way, which is a
/// reason to skip, not a violation and not a timeout.
/// </summary>
public static class LivenessTrip
{
    /// <summary>The file whose existence fails the liveness probe (in the container's own filesystem, so the new container starts without it).</summary>
    public const string FailFile = "/tmp/ck-fail-liveness";

    /// <summary>The tool the probe runs.</summary>
    public const string ProbeTool = "test";

    /// <summary>The tool the test runs to trip the probe.</summary>
    public const string TripTool = "touch";

    private static readonly string[] MissingBinaryAnswers = ["executable file not found", "no such file or directory", "not found"];

    /// <summary>The liveness probe's command: succeeds while <see cref="FailFile"/> does not exist.</summary>
    public static IReadOnlyList<string> ProbeCommand => [ProbeTool, "!", "-e", FailFile];

    /// <summary>The command that trips the probe.</summary>
    public static IReadOnlyList<string> TripCommand => [TripTool, FailFile];

    /// <summary>
    /// The skip reason when the trip's exec could not start its tool (the exec answered that the binary is missing),
    /// else null (the trip ran; whatever it answered, the pod's status is the evidence).
    /// </summary>
    public static string? TripToolMissing(ExecResult result, string pod, string? image)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.FailedToStart
            ? Reason(TripTool, image, $"the exec of '{string.Join(' ', TripCommand)}' in {pod} could not start it: {Shorten(result.Stderr)}")
            : null;
    }

    /// <summary>
    /// The skip reason when a kubelet event says the liveness probe of a pod of <paramref name="setName"/> could not run
    /// its tool (its exec answered that the binary is missing), else null. Such a probe fails from the container's
    /// start, so the kubelet kills the containers before any trip and the set never becomes Ready.
    /// </summary>
    public static string? ProbeToolMissing(IEnumerable<TimelineEvent> events, string setName, string? image)
    {
        ArgumentNullException.ThrowIfNull(events);
        var failed = events.FirstOrDefault(e => e.InvolvedKind == "Pod" && PodHistory.ParseOrdinal(e.InvolvedName, setName) is not null
            && e.Reason == "Unhealthy" && e.Message.Contains("Liveness probe", StringComparison.Ordinal)
            && (e.Message.Contains($"\"{ProbeTool}\"", StringComparison.Ordinal) || e.Message.Contains($"'{ProbeTool}'", StringComparison.Ordinal))
            && MissingBinaryAnswers.Any(a => e.Message.Contains(a, StringComparison.OrdinalIgnoreCase)));
        return failed is null ? null
            : Reason(ProbeTool, image, $"the kubelet could not run the liveness probe '{string.Join(' ', ProbeCommand)}' in {failed.InvolvedName}: {Shorten(failed.Message)}");
    }

    private static string Reason(string tool, string? image, string what) =>
        $"the workload image {image ?? "(unknown)"} has no '{tool}', which the restart scenario needs to trip a liveness probe ({what}); " +
        $"pass a --workload-image that has '{ProbeTool}' and '{TripTool}' (e.g. nginx or busybox) to measure restarts in place";

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "no output" : trimmed.Length <= 200 ? trimmed : trimmed[..200] + "…";
    }
}
