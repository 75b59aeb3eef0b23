using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Workload;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// Commands run in the user's own pods, each in a named container (their pods may have several): whether an image
/// has a tool, <c>hostname</c>, and the data markers of a <see cref="DataMarkerPlan"/>. A tool the image lacks is an
/// answer here (the promise is then checked another way), never a probe error.
/// </summary>
public sealed class WorkloadCommands(KubeClient client, ScenarioRecorder recorder)
{
    /// <summary>True when <paramref name="tool"/> (run with <paramref name="arguments"/>) starts in the container; a non-zero exit still counts as present.</summary>
    public async Task<bool> HasToolAsync(string pod, string container, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await client.ExecAsync(recorder.Namespace, pod, container, [tool, .. arguments], cancellationToken).ConfigureAwait(false);
        return !result.FailedToStart;
    }

    /// <summary>The containers of <paramref name="containers"/> in which <c>sh</c> starts, asked in <paramref name="pod"/>.</summary>
    public async Task<IReadOnlySet<string>> ShellContainersAsync(string pod, IEnumerable<string> containers, CancellationToken cancellationToken)
    {
        var withShell = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers.Distinct(StringComparer.Ordinal))
        {
            if (await HasToolAsync(pod, container, "sh", ["-c", "true"], cancellationToken).ConfigureAwait(false))
            {
                withShell.Add(container);
            }
        }

        return withShell;
    }

    /// <summary>What <c>hostname</c> prints in each pod's <paramref name="container"/>, or null when the image has no hostname tool.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> HostnamesAsync(IEnumerable<string> pods, string container, CancellationToken cancellationToken)
    {
        recorder.MarkStep($"exec hostname in {container}");
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var result = await client.ExecAsync(recorder.Namespace, pod, container, ["hostname"], cancellationToken).ConfigureAwait(false);
            if (result.FailedToStart)
            {
                return null;
            }

            outputs[pod] = result.ExitCode == 0
                ? result.Stdout.Trim()
                : throw new InvalidOperationException($"'hostname' in pod {recorder.Namespace}/{pod} container {container} exited with {result.ExitCode}: {result.Stderr.Trim()}");
        }

        return outputs;
    }

    /// <summary>Writes a marker per pod and target (<see cref="MarkerKey"/> → content) under each target's mount path.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WriteMarkersAsync(
        IEnumerable<string> pods, IReadOnlyList<MarkerTarget> targets, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        recorder.MarkStep($"wrote markers in {string.Join(", ", targets.Select(t => t.MountPath))}");
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            foreach (var target in targets)
            {
                var marker = $"marker-{pod}-{target.Template}-{sessionId}";
                await RunAsync(pod, target.Container, $"echo {marker} > '{target.FilePath(sessionId)}' && sync", cancellationToken).ConfigureAwait(false);
                written[MarkerKey(pod, target)] = marker;
            }
        }

        return written;
    }

    /// <summary>Reads each pod's markers back (<see cref="MarkerKey"/> → content, empty when the file is missing).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadMarkersAsync(
        IEnumerable<string> pods, IReadOnlyList<MarkerTarget> targets, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        recorder.MarkStep("read markers");
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            foreach (var target in targets)
            {
                read[MarkerKey(pod, target)] = (await RunAsync(pod, target.Container, $"cat '{target.FilePath(sessionId)}' 2>/dev/null || true", cancellationToken)
                    .ConfigureAwait(false)).Trim();
            }
        }

        return read;
    }

    /// <summary>The key of one marker: <c>pod (template)</c>, as the marker check names it.</summary>
    public static string MarkerKey(string pod, MarkerTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{pod} ({target.Template})";
    }

    private async Task<string> RunAsync(string pod, string container, string script, CancellationToken cancellationToken)
    {
        var result = await client.ExecAsync(recorder.Namespace, pod, container, ["sh", "-c", script], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"'sh -c {script}' in pod {recorder.Namespace}/{pod} container {container} exited with {result.ExitCode}: {result.Stderr.Trim()}");
    }
}
