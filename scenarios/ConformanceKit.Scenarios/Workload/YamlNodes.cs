using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>Small helpers over YamlDotNet's representation model: lookups, copies and rendering.</summary>
internal static class YamlNodes
{
    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode? Map(this YamlMappingNode map, string key) => map.Child(key) as YamlMappingNode;

    public static YamlSequenceNode? Sequence(this YamlMappingNode map, string key) => map.Child(key) as YamlSequenceNode;

    public static string? Text(this YamlMappingNode map, string key) =>
        map.Child(key) is YamlScalarNode { Value: { } value } scalar && !IsNull(scalar) ? value : null;

    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The mapping under <paramref name="key"/>, created (and added) when missing or null.</summary>
    public static YamlMappingNode MapOrAdd(this YamlMappingNode map, string key)
    {
        if (map.Child(key) is YamlMappingNode existing)
        {
            return existing;
        }

        var created = new YamlMappingNode();
        map.Children[new YamlScalarNode(key)] = created;
        return created;
    }

    /// <summary>Sets a string value, double-quoted so that values like <c>123</c> or <c>true</c> stay strings.</summary>
    public static void SetText(this YamlMappingNode map, string key, string value) =>
        map.Children[new YamlScalarNode(key)] = new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>One YAML document (no <c>---</c> / <c>...</c> markers) for the node.</summary>
    public static string ToYaml(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith("...\n", StringComparison.Ordinal))
        {
            text = text[..^4];
        }

        return text;
    }

    /// <summary>A deep copy, made by rendering and reading back.</summary>
    public static YamlMappingNode Copy(YamlMappingNode node)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(ToYaml(node)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
