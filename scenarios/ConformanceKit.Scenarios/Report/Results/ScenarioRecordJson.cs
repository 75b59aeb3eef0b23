using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Writes and reads a scenario's <c>&lt;slug&gt;.json</c>, the record the run's results are merged with.</summary>
public static class ScenarioRecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <c>&lt;slug&gt;.json</c> into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, ScenarioRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, record.Slug + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(record, Options));
        return path;
    }

    /// <summary>Every scenario record in <paramref name="directory"/> (files that are not records are skipped), by full name.</summary>
    public static IReadOnlyDictionary<string, ScenarioRecord> ReadAll(string directory)
    {
        var records = new Dictionary<string, ScenarioRecord>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return records;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            if (TryRead(file) is { } record)
            {
                records[record.FullName] = record;
            }
        }

        return records;
    }

    private static ScenarioRecord? TryRead(string file)
    {
        try
        {
            var record = JsonSerializer.Deserialize<ScenarioRecord>(File.ReadAllText(file), Options);
            return record is { FullName.Length: > 0, Slug.Length: > 0 } ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
