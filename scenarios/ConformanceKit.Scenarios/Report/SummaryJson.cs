using System.Text.Json;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// <c>summary.json</c>: the run's results for machines (CI gates, dashboards): the run header, counts (failures split
/// into violations and errors), per test its result, kind, reason, wall time, reaction times and every check (a negative control marked as one), and
/// (when storage scenarios ran) the storage classes with their latency summaries, gates and raw samples.
/// </summary>
internal static class SummaryJson
{
    public static string Write(string artifactsDir, RunHeader? header, IReadOnlyList<TestOutcome> outcomes)
    {
        var path = Path.Combine(artifactsDir, "summary.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        if (header is not null)
        {
            json.WritePropertyName("run");
            JsonSerializer.Serialize(json, header, RunHeaderJson.Options);
        }

        var counts = RunCounts.Of(outcomes);
        json.WriteNumber("passed", counts.Passed);
        json.WriteNumber("failed", counts.Failed);
        json.WriteNumber("skipped", counts.Skipped);
        json.WriteNumber("violations", counts.Violations);
        json.WriteNumber("errors", counts.Errors);
        json.WriteStartArray("scenarios");
        foreach (var outcome in outcomes)
        {
            WriteOutcome(json, outcome);
        }

        json.WriteEndArray();
        StorageSummaryJson.Write(json, outcomes);
        json.WriteEndObject();
        return path;
    }

    private static void WriteOutcome(Utf8JsonWriter json, TestOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteString("name", outcome.FullName);
        json.WriteString("class", outcome.ClassName);
        json.WriteString("test", outcome.Name);
        json.WriteString("result", outcome.Result.ToString());
        if (outcome.Failure is { } failure)
        {
            json.WriteString("kind", failure.Kind.ToString().ToLowerInvariant());
            json.WriteString("reason", failure.Reason);
        }

        if (outcome.SkipReason is { } skip)
        {
            json.WriteString("reason", skip);
        }

        json.WriteNumber("wallSeconds", Math.Round(outcome.Duration.TotalSeconds, 3));
        if (outcome.Scenario is { } scenario)
        {
            json.WriteStartArray("reactionMilliseconds");
            foreach (var reaction in scenario.ReactionTimes)
            {
                json.WriteNumberValue(Math.Round(reaction.TotalMilliseconds, 3));
            }

            json.WriteEndArray();
            if (scenario.Slug.Length > 0)
            {
                json.WriteString("timeline", scenario.Slug + ".svg");
            }

            json.WriteStartArray("checks");
            foreach (var check in scenario.Checks)
            {
                json.WriteStartObject();
                json.WriteString("check", check.Check);
                json.WriteBoolean("passed", check.Passed);
                if (check.Control)
                {
                    json.WriteBoolean("control", true);
                    json.WriteBoolean("asRequired", check.AsRequired);
                }

                json.WriteString("message", check.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
