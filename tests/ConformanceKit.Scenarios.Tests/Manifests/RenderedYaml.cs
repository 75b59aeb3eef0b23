using Shouldly;
using System.Runtime.CompilerServices;
using ConformanceKit.Scenarios.Manifests;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Tests.Manifests;

/// <summary>Reads rendered YAML back through YamlDotNet, and finds the repository's manifests/ directory.</summary>
internal sealed class RenderedYaml
{
    private readonly YamlMappingNode _root;

    public RenderedYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        stream.Documents.Count.ShouldBe(1, $"rendered YAML should be one document:\n{yaml}");
        _root = (YamlMappingNode)stream.Documents[0].RootNode;
        Text = yaml;
    }

    public string Text { get; }

    public static ManifestTemplates RepositoryTemplates([CallerFilePath] string thisFile = "") =>
        ManifestTemplates.FromDirectory(ManifestsDirectory(thisFile));

    public static string ManifestsDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "manifests"));

    public YamlNode? Find(string path)
    {
        YamlNode? current = _root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? segment : segment[..bracket];
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }

            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                current = current is YamlSequenceNode seq && index < seq.Children.Count ? seq.Children[index] : null;
            }
        }

        return current;
    }

    public YamlScalarNode Scalar(string path) =>
        Find(path) as YamlScalarNode ?? throw new ShouldAssertException($"no scalar at '{path}' in:\n{Text}");

    public string Value(string path) => Scalar(path).Value!;

    public IReadOnlyDictionary<string, string> Map(string path) =>
        (Find(path) as YamlMappingNode ?? throw new ShouldAssertException($"no mapping at '{path}' in:\n{Text}"))
            .Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

    public IReadOnlyList<string> List(string path) =>
        (Find(path) as YamlSequenceNode ?? throw new ShouldAssertException($"no list at '{path}' in:\n{Text}"))
            .Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
}
