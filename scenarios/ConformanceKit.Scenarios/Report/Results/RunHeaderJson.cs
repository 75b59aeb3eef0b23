using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Writes and reads <c>run.json</c>, the run header the suite writes at start and end.</summary>
public static class RunHeaderJson
{
    /// <summary>The file's name in the artifacts folder.</summary>
    public const string FileName = "run.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the header into <paramref name="directory"/>; returns the path.</summary>
    public static string Write(string directory, RunHeader header)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(header, Options));
        return path;
    }

    /// <summary>The header in <paramref name="directory"/>, or null when there is none (or it cannot be read).</summary>
    public static RunHeader? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunHeader>(File.ReadAllText(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
