using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// YAML to JSON the way kubectl reads manifests (YAML 1.1 scalars): a plain scalar is null (<c>~</c>, <c>null</c>,
/// empty), a boolean (<c>true</c>, <c>yes</c>, <c>on</c>… and their opposites), an integer (decimal, <c>0x</c> hex,
/// <c>0b</c> binary, leading-zero octal such as a <c>defaultMode: 0644</c>, <c>_</c> separators) or a float;
/// anything quoted or written as a block is a string. The client package sends a patch's string content as raw
/// JSON, so every server-side apply goes through this: <see cref="KubeClient.ApplyAsync"/> (the scenarios' manifests)
/// and the user's workload documents alike.
/// </summary>
public static partial class YamlJson
{
    /// <summary>The JSON text of <paramref name="node"/>.</summary>
    public static string Convert(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode { Value: { } name }
                        ? name
                        : throw new FormatException($"the YAML key at line {key.Start.Line} is not a scalar (a JSON object's keys are strings)"));
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException($"unexpected YAML node {node.GetType().Name} at {node.Start}");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (scalar.Tag.IsGlobal && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "y" or "Y" or "on" or "On" or "ON")
        {
            writer.WriteBooleanValue(true);
        }
        else if (text is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "n" or "N" or "off" or "Off" or "OFF")
        {
            writer.WriteBooleanValue(false);
        }
        else if (Integer(text) is { } integer)
        {
            writer.WriteRawValue(integer.ToString(CultureInfo.InvariantCulture));
        }
        else if (FloatPattern().IsMatch(text) && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    private static BigInteger? Integer(string text)
    {
        var match = IntegerPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var digits = match.Groups["digits"].Value.Replace("_", "", StringComparison.Ordinal);
        var (radix, body) = match.Groups["prefix"].Value switch
        {
            "0x" => (16, digits),
            "0b" => (2, digits),
            "0" when digits.Length > 0 => (8, digits),
            "0" => (10, "0"),
            _ => (10, digits),
        };
        var value = BigInteger.Zero;
        foreach (var c in body)
        {
            value = (value * radix) + System.Convert.ToInt32(c.ToString(), 16);
        }

        return negative ? -value : value;
    }

    [GeneratedRegex(@"^[-+]?(?:(?<prefix>0x)(?<digits>[0-9a-fA-F_]+)|(?<prefix>0b)(?<digits>[01_]+)|(?<prefix>0)(?<digits>[0-7_]*)|(?<digits>[1-9][0-9_]*))$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
