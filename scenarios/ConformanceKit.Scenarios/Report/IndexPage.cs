using System.Globalization;
using System.Net;
using System.Text;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The run's <c>index.html</c>: the run header, a table of every test that fits a 1366 px screen (fixed layout,
/// wrapping cells; full names in the title), then each scenario's checks, notes and timeline.
/// </summary>
internal static class IndexPage
{
    /// <summary>The page's maximum width in CSS pixels: a 1366 px screen less a scroll bar and margins.</summary>
    internal const int MaxWidth = 1300;

    /// <summary>Column widths in percent: scenario, result, time, reaction, checks, reason, timeline.</summary>
    internal static readonly int[] ColumnPercent = [25, 9, 6, 10, 6, 36, 8];

    public static string Render(RunHeader? header, IReadOnlyList<TestOutcome> outcomes)
    {
        var counts = RunCounts.Of(outcomes);
        var html = new StringBuilder()
            .AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ConformanceKit report</title><style>")
            .AppendLine(CultureInfo.InvariantCulture, $"body{{font-family:sans-serif;margin:1em auto;max-width:{MaxWidth}px;padding:0 1em}}")
            .AppendLine("table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}")
            .AppendLine("table.header{table-layout:auto}table.header th{width:14em;background:#f6f6f6}img{max-width:100%}")
            .AppendLine(".Passed{color:#1a7f37}.Failed{color:#cf222e;font-weight:bold}.Skipped{color:#888}li{margin:2px 0}.reason{font-size:90%}")
            .AppendLine("</style></head><body><h1>ConformanceKit report</h1>");
        if (header is not null)
        {
            RunHeaderHtml.Append(html, header);
        }

        html.AppendLine(CultureInfo.InvariantCulture,
                $"<p>{counts.Passed} passed, {counts.Failed} failed ({counts.Violations} violations, {counts.Errors} errors), {counts.Skipped} skipped.</p>")
            .Append("<table class=\"results\"><colgroup>")
            .AppendJoin("", ColumnPercent.Select(p => $"<col style=\"width:{p}%\">"))
            .AppendLine("</colgroup><tr><th>Scenario</th><th>Result</th><th>Wall time</th><th>Reaction (median / max, n)</th><th>Checks</th><th>Reason</th><th>Timeline</th></tr>");
        foreach (var o in outcomes)
        {
            var slug = o.Scenario?.Slug is { Length: > 0 } recorded ? recorded : null;
            var name = $"{Esc(o.ShortClassName)}.<wbr>{Esc(o.Name)}";
            var checks = o.Scenario?.Checks ?? [];
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td title=\"{Esc(o.FullName)}\">{(slug is null ? name : $"<a href=\"#{Esc(slug)}\">{name}</a>")}</td>"
                + $"<td class=\"{o.Result}\">{Esc(o.Label)}</td><td>{o.Duration.TotalSeconds:0.0} s</td>"
                + $"<td>{Reaction(o.Scenario?.ReactionTimes ?? [])}</td><td>{(checks.Count == 0 ? "–" : $"{checks.Count(c => c.Passed)}/{checks.Count}")}</td>"
                + $"<td class=\"reason\">{Esc(o.Failure?.Reason ?? o.SkipReason ?? "")}</td>"
                + $"<td>{(slug is null ? "" : $"<a href=\"{Esc(slug)}.svg\">svg</a>")}</td></tr>");
        }

        html.AppendLine("</table>");
        var storage = outcomes.Select(o => o.Scenario?.Storage).OfType<Storage.StorageEvidence>().ToList();
        html.Append(StorageSection.Render(storage));
        foreach (var o in outcomes.Where(o => o.Scenario is not null))
        {
            AppendDetails(html, o, o.Scenario!);
        }

        return html.AppendLine("</body></html>").ToString();
    }

    private static void AppendDetails(StringBuilder html, TestOutcome o, ScenarioRecord r)
    {
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2{(r.Slug.Length > 0 ? $" id=\"{Esc(r.Slug)}\"" : "")}>{Esc(o.ShortClassName)}.<wbr>{Esc(o.Name)} <span class=\"{o.Result}\">{Esc(o.Label)}</span></h2>");
        if (o.Failure is { } failure)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"Failed\">{Esc(failure.Kind.ToString().ToLowerInvariant())}: {Esc(failure.Reason)}</p>");
        }

        html.AppendLine("<ul>");
        foreach (var c in r.Checks)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li><span class=\"{(c.Passed ? "Passed" : "Failed")}\">{(c.Passed ? "PASS" : "FAIL")}</span> <b>{Esc(c.Check)}</b>: {Esc(c.Message)}</li>");
        }

        html.AppendJoin(Environment.NewLine, r.Notes.Select(n => $"<li>note: {Esc(n)}</li>"))
            .AppendLine("</ul>");
        if (r.Slug.Length > 0)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p><img src=\"{Esc(r.Slug)}.svg\" alt=\"timeline of {Esc(o.FullName)}\"></p>");
        }
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

    internal static string Esc(string text) => WebUtility.HtmlEncode(text);
}
