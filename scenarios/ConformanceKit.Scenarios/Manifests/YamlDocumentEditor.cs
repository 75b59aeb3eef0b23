using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// Sets typed values at dotted paths (<c>spec.template.spec.containers[0].image</c>) in one YAML document loaded into
/// YamlDotNet's representation model, then writes it back. Strings are written double-quoted, so a value can never
/// change type on the way to the API server.
/// </summary>
internal sealed class YamlDocumentEditor
{
    private readonly YamlMappingNode _root;

    private YamlDocumentEditor(YamlMappingNode root) => _root = root;

    public static YamlDocumentEditor Load(string yaml, string source)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidOperationException(
                $"manifest template '{source}' must hold exactly one YAML mapping document, found {stream.Documents.Count} document(s)");
        }

        return new YamlDocumentEditor(root);
    }

    public void SetString(string path, string value) =>
        Put(path, new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted });

    public void SetInt(string path, long value) =>
        Put(path, new YamlScalarNode(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain });

    public void SetStringList(string path, IEnumerable<string> values) =>
        Put(path, new YamlSequenceNode(values.Select(v => new YamlScalarNode(v) { Style = ScalarStyle.DoubleQuoted })));

    /// <summary>Replaces the mapping at <paramref name="path"/> by exactly these entries.</summary>
    public void SetMap(string path, IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            map.Add(new YamlScalarNode(key), new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted });
        }

        Put(path, map);
    }

    /// <summary>Removes the entry at <paramref name="path"/>; nothing happens when it is not there.</summary>
    public void Remove(string path)
    {
        var (parent, key) = Parent(path, create: false);
        if (parent is not null && parent.Children.ContainsKey(new YamlScalarNode(key)))
        {
            parent.Children.Remove(new YamlScalarNode(key));
        }
    }

    public string ToYaml()
    {
        var stream = new YamlStream(new YamlDocument(_root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString().TrimEnd();

        // YamlStream ends a document with the "..." marker; the API accepts it, but people read these manifests.
        if (text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^3].TrimEnd();
        }

        return text + "\n";
    }

    private void Put(string path, YamlNode value)
    {
        var (parent, key) = Parent(path, create: true);
        parent!.Children[new YamlScalarNode(key)] = value;
    }

    private (YamlMappingNode? Parent, string Key) Parent(string path, bool create)
    {
        var segments = path.Split('.');
        YamlNode current = _root;
        foreach (var segment in segments[..^1])
        {
            var next = Step(current, segment, create, path);
            if (next is null)
            {
                return (null, segments[^1]);
            }

            current = next;
        }

        return current is YamlMappingNode mapping
            ? (mapping, segments[^1])
            : throw new InvalidOperationException($"path '{path}' does not lead to a mapping in the manifest template");
    }

    private static YamlNode? Step(YamlNode node, string segment, bool create, string path)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var key = bracket < 0 ? segment : segment[..bracket];
        if (node is not YamlMappingNode mapping)
        {
            throw new InvalidOperationException($"path '{path}': '{key}' is not inside a mapping in the manifest template");
        }

        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            if (!create)
            {
                return null;
            }

            child = bracket < 0 ? new YamlMappingNode() : throw new InvalidOperationException(
                $"path '{path}': the template has no list '{key}' to index");
            mapping.Add(new YamlScalarNode(key), child);
        }

        if (bracket < 0)
        {
            return child;
        }

        var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
        return child is YamlSequenceNode sequence && index < sequence.Children.Count
            ? sequence.Children[index]
            : throw new InvalidOperationException($"path '{path}': the template's '{key}' has no item {index}");
    }
}
