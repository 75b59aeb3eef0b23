using System.Globalization;
using System.Net;
using System.Text;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Writes the run's <c>artifacts/</c>: an SVG timeline per scenario and an index page.</summary>
public static class ReportWriter
{
    /// <summary>Writes <c>&lt;slug&gt;.svg</c> and <c>&lt;slug&gt;.txt</c> (check results and notes); returns the SVG's path.</summary>
    public static string WriteScenario(string artifactsDir, ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(artifactsDir);
        var svgPath = Path.Combine(artifactsDir, report.Slug + ".svg");
        SvgTimeline.Render(report.Timeline, report.Name).Save(svgPath);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{report.Name}: {report.Result} in {report.WallTime.TotalSeconds:0.0} s")
            .AppendJoin(Environment.NewLine, report.CheckResults.Select(c => c.ToString()))
            .AppendLine()
            .AppendJoin(Environment.NewLine, report.Notes.Select(n => "note: " + n))
            .AppendLine();
        File.WriteAllText(Path.Combine(artifactsDir, report.Slug + ".txt"), text.ToString());
        return svgPath;
    }

    /// <summary>
    /// Writes <c>index.html</c> with the summary table and each scenario's checks, and <c>summary.json</c> with the
    /// same for machines; returns the page's path.
    /// </summary>
    public static string WriteIndex(string artifactsDir, IReadOnlyList<ScenarioReport> reports)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(reports);
        Directory.CreateDirectory(artifactsDir);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ConformanceKit report</title><style>")
            .AppendLine("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
            .AppendLine(".Passed{color:#1a7f37}.Failed{color:#cf222e;font-weight:bold}.Skipped{color:#888}li{margin:2px 0}")
            .AppendLine("</style></head><body><h1>ConformanceKit report</h1>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>{reports.Count(r => r.Result == ScenarioResult.Passed)} passed, {reports.Count(r => r.Result == ScenarioResult.Failed)} failed, {reports.Count(r => r.Result == ScenarioResult.Skipped)} skipped.</p>")
            .AppendLine("<table><tr><th>Scenario</th><th>Result</th><th>Wall time</th><th>Reaction time (median / max, n)</th><th>Checks</th><th>Timeline</th></tr>");
        foreach (var r in reports)
        {
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"#{r.Slug}\">{Esc(r.Name)}</a></td><td class=\"{r.Result}\">{r.Result}</td><td>{r.WallTime.TotalSeconds:0.0} s</td><td>{Reaction(r.ReactionTimes)}</td><td>{r.CheckResults.Count(c => c.Passed)}/{r.CheckResults.Count}</td><td><a href=\"{Esc(r.Slug)}.svg\">{Esc(r.Slug)}.svg</a></td></tr>");
        }

        html.AppendLine("</table>");
        foreach (var r in reports)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<h2 id=\"{r.Slug}\">{Esc(r.Name)} <span class=\"{r.Result}\">{r.Result}</span></h2><ul>");
            foreach (var c in r.CheckResults)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li><span class=\"{(c.Passed ? "Passed" : "Failed")}\">{(c.Passed ? "PASS" : "FAIL")}</span> <b>{Esc(c.Check)}</b>: {Esc(c.Message)}</li>");
            }

            html.AppendJoin(Environment.NewLine, r.Notes.Select(n => $"<li>note: {Esc(n)}</li>"))
                .AppendLine(CultureInfo.InvariantCulture, $"</ul><p><img src=\"{Esc(r.Slug)}.svg\" alt=\"timeline of {Esc(r.Name)}\"></p>");
        }

        html.AppendLine("</body></html>");
        var path = Path.Combine(artifactsDir, "index.html");
        File.WriteAllText(path, html.ToString());
        SummaryJson.Write(artifactsDir, reports);
        return path;
    }

    private static string Reaction(IReadOnlyList<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return "n/a";
        }

        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[(sorted.Count - 1) / 2].TotalMilliseconds:0} ms / {sorted[^1].TotalMilliseconds:0} ms, {times.Count}");
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
