using k8s;
using k8s.KubeConfigModels;
using YamlDotNet.Core;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Reads kubeconfig files through the package, turning what it throws into one-line <see cref="KubeconfigException"/>s
/// that name the file (and, for broken YAML, where it breaks); several $KUBECONFIG files are merged.
/// </summary>
internal static class KubeconfigFiles
{
    public static K8SConfiguration Read(IReadOnlyList<string> paths, string origin)
    {
        foreach (var path in paths)
        {
            try
            {
                using var probe = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var problem = e is FileNotFoundException or DirectoryNotFoundException ? "No such file" : e is UnauthorizedAccessException ? "Permission denied" : e.Message;
                throw new KubeconfigException($"kubeconfig {path}: cannot read the file ({problem}); check the path given to --kubeconfig or KUBECONFIG", e);
            }
        }

        var files = paths.Select(p => Parse(() => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(p), useRelativePaths: true), $"kubeconfig {p}", () => File.ReadAllText(p))).ToList();
        return files.Count == 1 ? files[0] : Merge(files);
    }

    /// <summary>Merges $KUBECONFIG files as kubectl does: the first file naming an entry (or the current-context) wins.</summary>
    private static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> files) => new()
    {
        ApiVersion = files[0].ApiVersion,
        Kind = files[0].Kind,
        CurrentContext = files.Select(f => f.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
        Contexts = files.SelectMany(f => f.Contexts ?? []).DistinctBy(c => c.Name).ToList(),
        Clusters = files.SelectMany(f => f.Clusters ?? []).DistinctBy(c => c.Name).ToList(),
        Users = files.SelectMany(f => f.Users ?? []).DistinctBy(u => u.Name).ToList(),
    };

    public static K8SConfiguration Parse(Func<K8SConfiguration> load, string origin, Func<string> text)
    {
        try
        {
            return load() ?? throw new KubeconfigException($"{origin}: the file is empty; a kubeconfig needs clusters, users, contexts and current-context");
        }
        catch (YamlException e)
        {
            // The package wraps the parser's error in "Exception during deserialization"; the innermost one says where.
            var inner = e;
            while (inner.InnerException is YamlException deeper)
            {
                inner = deeper;
            }

            var problem = inner.InnerException is { } cause && inner.Message.StartsWith("Exception during deserialization", StringComparison.Ordinal)
                ? cause.Message
                : inner.Message;
            throw new KubeconfigException($"{origin}: not valid YAML at line {inner.Start.Line}, column {inner.Start.Column}: {problem}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // Some syntax errors reach the package's deserializer as a bare InvalidOperationException; the YAML parser
            // alone says where the text breaks.
            if (SyntaxError(text()) is { } syntax)
            {
                throw new KubeconfigException($"{origin}: not valid YAML {syntax}", e);
            }

            throw new KubeconfigException($"{origin}: not a kubeconfig ({OneLine(e.InnerException ?? e)})", e);
        }
    }

    private static string? SyntaxError(string text)
    {
        try
        {
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
            return null;
        }
        catch (YamlException e)
        {
            return $"at line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
        }
        catch (InvalidOperationException)
        {
            // The parser gives up this way at the end of the text, without a position.
            return "(an unterminated flow mapping, list or quoted string?)";
        }
    }

    public static string OneLine(Exception e) => string.Join(" ", e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
