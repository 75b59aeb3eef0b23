using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Reads a multi-document YAML text into JSON objects for server-side apply, each converted by <see cref="YamlJson"/>
/// (the way kubectl reads YAML: a plain <c>0644</c> is 420, a plain <c>yes</c> is true; quoted scalars stay strings).
/// Empty documents are skipped.
/// </summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new FormatException($"the YAML is not valid at line {error.Start.Line}, column {error.Start.Column}: {error.Message}", error);
        }

        var documents = new List<JsonObject>();
        foreach (var (document, index) in stream.Documents.Select((d, i) => (d, i)))
        {
            switch (document.RootNode)
            {
                case YamlMappingNode mapping:
                    documents.Add(JsonNode.Parse(YamlJson.Convert(mapping))!.AsObject());
                    break;
                case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" }:
                    break;
                default:
                    throw new FormatException($"YAML document {index + 1} is not a mapping (an API object needs apiVersion, kind and metadata)");
            }
        }

        return documents;
    }
}
