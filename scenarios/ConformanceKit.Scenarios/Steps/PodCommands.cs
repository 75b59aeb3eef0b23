using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Parsing;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>Commands run in pods by exec: hostname, marker files, readiness release, the probe's resolv.conf and nslookup.</summary>
public sealed class PodCommands(KubeClient client, ScenarioRecorder recorder)
{
    private static readonly string[] HostnameCommand =
        ["sh", "-c", "if command -v hostname >/dev/null 2>&1; then exec hostname; else cat /proc/sys/kernel/hostname; fi"];

    /// <summary>Where markers are written (the claim template's mount path).</summary>
    public const string MarkerPath = "/data/marker";

    /// <summary>Runs a command and returns its stdout; throws naming the pod, command, exit code and stderr when it fails.</summary>
    public async Task<string> RunAsync(string pod, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var result = ProbeTool.Ensure(command[0], recorder.Namespace, pod, ImageOf(pod),
            await client.ExecAsync(recorder.Namespace, pod, null, command, cancellationToken).ConfigureAwait(false));
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException(
                $"'{string.Join(' ', command)}' in pod {recorder.Namespace}/{pod} exited with {result.ExitCode}: {result.Stderr.Trim()}");
    }

    /// <summary>
    /// What <c>hostname</c> prints in each pod (pod name → output, trimmed). Images without a hostname binary
    /// answer with the kernel's UTS name, which is what hostname prints.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> HostnamesAsync(IEnumerable<string> pods, CancellationToken cancellationToken)
    {
        recorder.MarkStep("exec hostname");
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            outputs[pod] = (await RunAsync(pod, HostnameCommand, cancellationToken).ConfigureAwait(false)).Trim();
        }

        return outputs;
    }

    /// <summary>Writes <c>marker-&lt;pod&gt;-&lt;token&gt;</c> to <see cref="MarkerPath"/> in each pod; returns pod → marker.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WriteMarkersAsync(IEnumerable<string> pods, string token, CancellationToken cancellationToken)
    {
        recorder.MarkStep($"wrote {MarkerPath}");
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var marker = $"marker-{pod}-{token}";
            await RunAsync(pod, ["sh", "-c", $"echo {marker} > {MarkerPath} && sync"], cancellationToken).ConfigureAwait(false);
            written[pod] = marker;
        }

        return written;
    }

    /// <summary>Reads <see cref="MarkerPath"/> in each pod (pod → content, trimmed; empty when there is no file).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadMarkersAsync(IEnumerable<string> pods, CancellationToken cancellationToken)
    {
        recorder.MarkStep($"read {MarkerPath}");
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            read[pod] = (await RunAsync(pod, ["sh", "-c", $"cat {MarkerPath} 2>/dev/null || true"], cancellationToken).ConfigureAwait(false)).Trim();
        }

        return read;
    }

    /// <summary>Lets a held pod become Ready: creates the file its readiness probe waits for.</summary>
    public async Task<DateTimeOffset> ReleaseAsync(string pod, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"released {pod}");
        await RunAsync(pod, ["touch", ManifestRenderer.ReadyFile], cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Runs busybox <c>nslookup</c> for each name in the probe pod and parses the answers (NXDOMAIN included).</summary>
    public async Task<NslookupOutput> NslookupAsync(string probePod, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        foreach (var name in names)
        {
            var result = ProbeTool.Ensure("nslookup", recorder.Namespace, probePod, ImageOf(probePod),
                await client.ExecAsync(recorder.Namespace, probePod, null, ["nslookup", name], cancellationToken).ConfigureAwait(false));

            text.AppendLine(result.Stdout).AppendLine(result.Stderr);
        }

        return NslookupParser.Parse(text.ToString());
    }

    /// <summary>
    /// The cluster domain as the probe pod's <c>/etc/resolv.conf</c> (written by the kubelet) tells it; when the file
    /// cannot be read or has no search entry <c>&lt;namespace&gt;.svc.&lt;domain&gt;</c>,
    /// <see cref="ClusterDomain.Default"/> with a note saying why.
    /// </summary>
    public async Task<ClusterDomain> ClusterDomainAsync(string probePod, CancellationToken cancellationToken)
    {
        var result = ProbeTool.Ensure("cat", recorder.Namespace, probePod, ImageOf(probePod),
            await client.ExecAsync(recorder.Namespace, probePod, null, ["cat", "/etc/resolv.conf"], cancellationToken).ConfigureAwait(false));
        return result.ExitCode == 0
            ? ResolvConfParser.FindClusterDomain(result.Stdout, recorder.Namespace)
            : ClusterDomain.Fallback($"'cat /etc/resolv.conf' in the probe pod {probePod} exited with {result.ExitCode}: {result.Stderr.Trim()}");
    }

    /// <summary>Runs busybox <c>wget</c> for each URL in the probe pod (5 s timeout each) and reads the answers.</summary>
    public async Task<IReadOnlyList<HttpProbeResult>> HttpGetAsync(string probePod, IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        var results = new List<HttpProbeResult>();
        foreach (var url in urls)
        {
            var result = ProbeTool.Ensure("wget", recorder.Namespace, probePod, ImageOf(probePod),
                await client.ExecAsync(recorder.Namespace, probePod, null, ["wget", "-O", "/dev/null", "-T", "5", url], cancellationToken).ConfigureAwait(false));

            results.Add(HttpProbeResult.Parse(url, result.ExitCode, result.Stdout + result.Stderr));
        }

        return results;
    }

    /// <summary>The image of the pod's first container, as the recorder last saw it (for probe error messages).</summary>
    private string? ImageOf(string pod) =>
        recorder.Current.Pods.TryGetValue(pod, out var p) && p.Spec?.Containers is { Count: > 0 } containers ? containers[0].Image : null;
}
