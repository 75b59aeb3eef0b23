using k8s;
using k8s.KubeConfigModels;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Turns a kubeconfig (or the in-cluster service account) into a <see cref="KubeConnection"/> through the package's
/// <see cref="KubernetesClientConfiguration"/>. Resolution order: the explicit path (--kubeconfig), else $KUBECONFIG
/// (a colon-separated list, merged), else ~/.kube/config, else the in-cluster service account. Every problem is one
/// <see cref="KubeconfigException"/> line naming the file and what is wrong.
/// </summary>
public static class KubeconfigLoader
{
    /// <summary>
    /// Loads the connection for <paramref name="context"/> (or the current-context). <paramref name="environment"/>
    /// replaces the process environment (KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST/PORT) when not null.
    /// </summary>
    public static KubeConnection Load(string? explicitPath, string? context, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string? Env(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var path = Path.GetFullPath(explicitPath);
            return Resolve(KubeconfigFiles.Read([path], $"kubeconfig {path}"), $"kubeconfig {path}", context);
        }

        var looked = new List<string>();
        if (!string.IsNullOrEmpty(Env("KUBECONFIG")))
        {
            var paths = Env("KUBECONFIG")!.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
            var existing = paths.Where(File.Exists).ToList();
            if (existing.Count > 0)
            {
                var origin = existing.Count == 1 ? $"kubeconfig {existing[0]}" : $"kubeconfig $KUBECONFIG ({string.Join(", ", existing)})";
                return Resolve(KubeconfigFiles.Read(existing, origin), origin, context);
            }

            looked.Add($"$KUBECONFIG ({string.Join(", ", paths)}: none exists)");
        }
        else if (Env("HOME") is { Length: > 0 } home)
        {
            var path = Path.Combine(home, ".kube", "config");
            if (File.Exists(path))
            {
                return Resolve(KubeconfigFiles.Read([path], $"kubeconfig {path}"), $"kubeconfig {path}", context);
            }

            looked.Add($"{path} (no such file)");
        }
        else
        {
            looked.Add("~/.kube/config (HOME is not set)");
        }

        if (!string.IsNullOrEmpty(Env("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(Env("KUBERNETES_SERVICE_PORT")))
        {
            return InCluster();
        }

        looked.Add("in-cluster service account (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)");
        throw new KubeconfigException(
            $"no kubeconfig found; looked at: {string.Join("; ", looked)}. Pass --kubeconfig PATH, set KUBECONFIG, or create ~/.kube/config");
    }

    /// <summary>Loads the connection from kubeconfig text; <paramref name="sourceName"/> names it in messages.</summary>
    public static KubeConnection LoadFromText(string yaml, string sourceName, string? context)
    {
        var origin = $"kubeconfig {sourceName}";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        return Resolve(KubeconfigFiles.Parse(() => KubernetesClientConfiguration.LoadKubeConfig(stream), origin, () => yaml), origin, context);
    }

    private static KubeConnection Resolve(K8SConfiguration config, string origin, string? context)
    {
        var defined = string.Join(", ", (config.Contexts ?? []).Select(c => c.Name).Order(StringComparer.Ordinal));
        var name = context ?? (string.IsNullOrEmpty(config.CurrentContext) ? null : config.CurrentContext) ?? throw new KubeconfigException(
            $"{origin}: current-context: not set and no --context given; contexts defined: {Or(defined)}. Pass --context NAME or set current-context");
        if (!(config.Contexts ?? []).Any(c => c.Name == name))
        {
            var where = context is not null ? $"--context {name}" : "current-context";
            throw new KubeconfigException($"{origin}: {where}: context '{name}' is not defined; contexts defined: {Or(defined)}");
        }

        KubernetesClientConfiguration built;
        try
        {
            built = KubernetesClientConfiguration.BuildConfigFromConfigObject(config, name);
            if (built.SslCaCerts is { Count: 0 })
            {
                throw new KubeconfigException($"{origin}, context {name}: the cluster's certificate-authority holds no PEM certificate");
            }

            // Building a client reads the certificates and keys now, so a broken one is reported here, naming the file.
            using var probe = new k8s.Kubernetes(built);
        }
        catch (Exception e) when (e is not KubeconfigException and not OutOfMemoryException)
        {
            throw new KubeconfigException($"{origin}, context {name}: {KubeconfigFiles.OneLine(e)}", e);
        }

        return new KubeConnection(built, $"{origin}, context {name}");
    }

    private static KubeConnection InCluster()
    {
        try
        {
            return new KubeConnection(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KubeconfigException($"in-cluster service account: {KubeconfigFiles.OneLine(e)}", e);
        }
    }


    private static string Or(string names) => names.Length == 0 ? "(none)" : names;
}
