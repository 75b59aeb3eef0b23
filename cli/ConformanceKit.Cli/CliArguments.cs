using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Cli;

/// <summary>The flags <c>run-tests.sh</c> passes on, mapped to the run's option names (see <see cref="ConformanceOptions"/>).</summary>
internal static class CliArguments
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--cluster"] = "Cluster",
        ["--kubeconfig"] = "Kubeconfig",
        ["--context"] = "Context",
        ["--storage-class"] = "StorageClass",
        ["--k3s-image"] = "K3sImage",
        ["--k3s-image-archive"] = "K3sImageArchive",
        ["--k3s-airgap-images"] = "K3sAirgapImages",
        ["--load-image"] = "LoadImages",
        ["--busybox-image"] = "BusyboxImage",
        ["--cluster-domain"] = "ClusterDomain",
        ["--pod-security-level"] = "PodSecurityLevel",
        ["--workload-image"] = "WorkloadImage",
        ["--scale-to"] = "ScaleTo",
        ["--samples"] = "Samples",
        ["--max-bind-seconds"] = "MaxBindSeconds",
        ["--max-reattach-seconds"] = "MaxReattachSeconds",
    };

    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "LoadImages", "K3sAirgapImages", "StorageClass" };

    public static string HelpText =>
        "ck preflight [flags]   check the target before the suite (one line on failure, non-zero exit)\n" +
        "ck sweep [--kubeconfig PATH [--context NAME]]   remove what earlier runs on this host left when their process is gone:\n" +
        "                       containers in the Docker engine, or namespaces and StorageClasses in that cluster\n" +
        "ck report --trx FILE --artifacts DIR   the run's report (index.html, summary.json, junit.xml) and its closing line\n" +
        "ck --version           ConformanceKit's version (the packages' version, from Version.props) and commit\n" +
        "flags: " + string.Join(' ', Flags.Keys.Select(f => f + " VALUE")) + " (--load-image, --k3s-airgap-images and --storage-class are repeatable; each flag falls back to CK_<NAME>)\n" +
        "Docker goes through Testcontainers 4.17 (the k3s cluster is a Testcontainers.K3s container): an engine older than API 1.44 gets\n" +
        "DOCKER_API_VERSION set to its own version unless you set it; where the resource reaper's image cannot be pulled, set TESTCONTAINERS_RYUK_DISABLED=true.\n" +
        "The Kubernetes API goes through the KubernetesClient package 21.0.8, which also reads the kubeconfig (contexts, certificates, tokens, exec plugins).";

    /// <summary>Reads the flags into options; flags win over the CK_* environment.</summary>
    public static ConformanceOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var (flag, inline) = Split(args[i]);
            if (!Flags.TryGetValue(flag, out var name))
            {
                throw new CliUsageException($"unknown flag '{args[i]}'; known flags: {string.Join(", ", Flags.Keys)}.");
            }

            var value = inline ?? (i + 1 < args.Length ? args[++i] : throw new CliUsageException($"flag '{flag}' needs a value."));
            values[name] = Repeatable.Contains(name) && values.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
        }

        try
        {
            return ConformanceOptions.Read(name => values.GetValueOrDefault(name));
        }
        catch (ArgumentException problem)
        {
            throw new CliUsageException(problem.Message);
        }
    }

    private static (string Flag, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
