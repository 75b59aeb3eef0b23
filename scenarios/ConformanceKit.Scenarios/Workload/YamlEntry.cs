using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>One key of a mapping somewhere in a document, with its field path (<c>spec.template.spec.containers[main].image</c>).</summary>
internal sealed record YamlEntry(string Path, YamlMappingNode Parent, string Key, YamlNode Value)
{
    /// <summary>Every mapping entry under <paramref name="node"/>, depth first; sequence items are named by their <c>name</c> when they have one.</summary>
    public static IEnumerable<YamlEntry> All(YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    yield return new YamlEntry(childPath, map, name, value);
                    foreach (var entry in All(value, childPath))
                    {
                        yield return entry;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var label = item is YamlMappingNode m && m.Text("name") is { } itemName ? itemName : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var entry in All(item, $"{path}[{label}]"))
                    {
                        yield return entry;
                    }
                }

                break;
        }
    }
}
