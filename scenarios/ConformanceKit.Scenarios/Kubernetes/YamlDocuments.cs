using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Reads a multi-document YAML text into JSON objects (YAML core schema for plain scalars: null, booleans,
/// integers and floats; quoted scalars stay strings). Empty documents are skipped.
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
            switch (ToJson(document.RootNode))
            {
                case JsonObject value:
                    documents.Add(value);
                    break;
                case null:
                    break;
                default:
                    throw new FormatException($"YAML document {index + 1} is not a mapping (an API object needs apiVersion, kind and metadata)");
            }
        }

        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new FormatException($"YAML key at line {key.Start.Line} is not a scalar");
            result[name] = ToJson(value);
        }

        return result;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when LooksLikeFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }

    private static bool LooksLikeFloat(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
        && text.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');
}
