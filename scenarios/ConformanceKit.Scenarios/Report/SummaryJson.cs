using System.Text.Json;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// <c>summary.json</c>: the run's results for machines (CI gates, dashboards): counts, and per scenario its result,
/// wall time, reaction times and every check with its message.
/// </summary>
internal static class SummaryJson
{
    public static string Write(string artifactsDir, IReadOnlyList<ScenarioReport> reports)
    {
        var path = Path.Combine(artifactsDir, "summary.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("passed", reports.Count(r => r.Result == ScenarioResult.Passed));
        json.WriteNumber("failed", reports.Count(r => r.Result == ScenarioResult.Failed));
        json.WriteNumber("skipped", reports.Count(r => r.Result == ScenarioResult.Skipped));
        json.WriteStartArray("scenarios");
        foreach (var report in reports)
        {
            json.WriteStartObject();
            json.WriteString("name", report.Name);
            json.WriteString("result", report.Result.ToString());
            json.WriteNumber("wallSeconds", Math.Round(report.WallTime.TotalSeconds, 3));
            json.WriteStartArray("reactionMilliseconds");
            foreach (var reaction in report.ReactionTimes)
            {
                json.WriteNumberValue(Math.Round(reaction.TotalMilliseconds, 1));
            }

            json.WriteEndArray();
            json.WriteString("timeline", report.Slug + ".svg");
            json.WriteStartArray("checks");
            foreach (var check in report.CheckResults)
            {
                json.WriteStartObject();
                json.WriteString("check", check.Check);
                json.WriteBoolean("passed", check.Passed);
                json.WriteString("message", check.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }
}
