using System.Reflection;

namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// Where the YAML templates of <c>manifests/</c> are read from: resources embedded in this assembly (logical name
/// <c>ConformanceKit.Manifests.&lt;file&gt;</c>), else a <c>manifests</c> directory (<c>CK_MANIFESTS_DIR</c>, or the
/// first one found above the working directory or the application's directory).
/// </summary>
public sealed class ManifestTemplates
{
    internal const string ResourcePrefix = "ConformanceKit.Manifests.";
    private const string ProbeFile = "statefulset.yaml";
    private readonly Func<string, string?> _read;
    private readonly string _origin;

    private ManifestTemplates(Func<string, string?> read, string origin)
    {
        _read = read;
        _origin = origin;
    }

    /// <summary>Templates embedded in this assembly, or found on disk when the build did not embed them.</summary>
    public static ManifestTemplates Default { get; } = Discover();

    /// <summary>Where the templates come from (for messages).</summary>
    public string Origin => _origin;

    /// <summary>Templates read from a directory.</summary>
    public static ManifestTemplates FromDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        return new ManifestTemplates(
            file => File.Exists(Path.Combine(full, file)) ? File.ReadAllText(Path.Combine(full, file)) : null,
            $"directory '{full}'");
    }

    /// <summary>The text of one template, e.g. <c>statefulset.yaml</c>.</summary>
    public string Read(string fileName) =>
        _read(fileName) ?? throw new FileNotFoundException($"manifest template '{fileName}' not found in {_origin}", fileName);

    private static ManifestTemplates Discover()
    {
        var assembly = typeof(ManifestTemplates).Assembly;
        if (assembly.GetManifestResourceNames().Contains(ResourcePrefix + ProbeFile, StringComparer.Ordinal))
        {
            return new ManifestTemplates(file => ReadResource(assembly, file), "resources embedded in " + assembly.GetName().Name);
        }

        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable("CK_MANIFESTS_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }

        candidates.AddRange(Ancestors(Directory.GetCurrentDirectory()).Select(d => Path.Combine(d, "manifests")));
        candidates.AddRange(Ancestors(AppContext.BaseDirectory).Select(d => Path.Combine(d, "manifests")));
        var found = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, ProbeFile)));
        return found is not null
            ? FromDirectory(found)
            : new ManifestTemplates(_ => null, "embedded resources, CK_MANIFESTS_DIR or any 'manifests' directory above "
                + $"'{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}' (none holds {ProbeFile})");
    }

    private static string? ReadResource(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
