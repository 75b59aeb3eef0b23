using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// Tells a probe tool's answer from the tool's own failure. An exit status of 128 + n is the shell and container
/// runtime convention for "killed by signal n" (139: SIGSEGV); a command that could not start is missing from the
/// image. Both say nothing about the cluster, so they end the test as a probe error naming the tool, pod and image.
/// </summary>
public static class ProbeTool
{
    private const int SignalBase = 128;

    /// <summary>Returns <paramref name="result"/> when the tool ran (whatever it answered); throws <see cref="ProbeToolException"/> otherwise.</summary>
    public static ExecResult Ensure(string tool, string @namespace, string pod, string? image, ExecResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var where = $"probe tool '{tool}' in pod {@namespace}/{pod} (image {image ?? "unknown"})";
        if (result.FailedToStart)
        {
            throw new ProbeToolException(
                $"{where} could not start: {Shorten(result.Stderr)}. Use an image that has nslookup and wget (--busybox-image).");
        }

        if (result.ExitCode > SignalBase && result.ExitCode < SignalBase + 65)
        {
            throw new ProbeToolException(
                $"{where} crashed with signal {result.ExitCode - SignalBase} (exit {result.ExitCode}): the tool broke, not the cluster; " +
                "use a busybox whose nslookup and wget run on this cluster's nodes, e.g. busybox:1.36.1 (--busybox-image).");
        }

        return result;
    }

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "no output" : trimmed.Length <= 200 ? trimmed : trimmed[..200] + "…";
    }
}
