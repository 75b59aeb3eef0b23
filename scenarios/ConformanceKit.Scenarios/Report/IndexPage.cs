using System.Globalization;
using System.Net;
using System.Text;
using ConformanceKit.Scenarios.Checks;

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
    internal static readonly int[] ColumnPercent = [25, 9, 6, 10, 12, 32, 6];

    public static string Render(RunHeader? header, IReadOnlyList<TestOutcome> outcomes)
    {
        var counts = RunCounts.Of(outcomes);
        var html = new StringBuilder()
            .AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>ConformanceKit report</title><style>")
            .AppendLine(CultureInfo.InvariantCulture, $"body{{font-family:sans-serif;margin:1em auto;max-width:{MaxWidth}px;padding:0 1em}}")
            .AppendLine("table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}")
            .AppendLine("table.header{table-layout:auto}table.header th{width:14em;background:#f6f6f6}img{max-width:100%}")
            .AppendLine(".Passed{color:#1a7f37}.Failed{color:#cf222e;font-weight:bold}.Skipped{color:#888}.warning{color:#9a6700;font-weight:bold}li{margin:2px 0}.reason{font-size:90%}")
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
                + $"<td>{Reaction(o.Scenario?.ReactionTimes ?? [])}</td><td>{Esc(ChecksSummary(checks))}</td>"
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
            html.AppendLine(CultureInfo.InvariantCulture, $"<li><span class=\"{(c.AsRequired ? "Passed" : "Failed")}\">{Esc(c.Verdict)}</span> <b>{Esc(c.Check)}</b>: {Esc(c.Message)}</li>");
        }

        html.AppendJoin(Environment.NewLine, r.Notes.Select(n => $"<li>note: {Esc(n)}</li>"))
            .AppendLine("</ul>");
        if (r.Slug.Length > 0)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p><img src=\"{Esc(r.Slug)}.svg\" alt=\"timeline of {Esc(o.FullName)}\"></p>");
        }
    }

    /// <summary>
    /// The checks column: <c>passed/total checks</c>, and for negative controls whether each failed as it must (one
    /// control alone reads <c>control: the check failed, as required</c>); <c>–</c> when nothing was checked.
    /// </summary>
    internal static string ChecksSummary(IReadOnlyList<CheckResult> checks)
    {
        var plain = checks.Where(c => !c.Control).ToList();
        var controls = checks.Where(c => c.Control).ToList();
        var parts = new List<string>();
        if (plain.Count > 0)
        {
            parts.Add($"{plain.Count(c => c.Passed)}/{plain.Count} checks");
        }

        if (controls.Count == 1)
        {
            parts.Add(controls[0].Verdict);
        }
        else if (controls.Count > 1)
        {
            var held = controls.Count(c => c.AsRequired);
            parts.Add(held == controls.Count
                ? $"controls: {held}/{controls.Count} checks failed, as required"
                : $"controls: {controls.Count - held} of {controls.Count} checks passed, but they must fail");
        }

        return parts.Count == 0 ? "–" : string.Join("; ", parts);
    }

    internal static string Reaction(IReadOnlyList<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return "n/a";
        }

        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Milliseconds.Format(sorted[(sorted.Count - 1) / 2])} / {Milliseconds.Format(sorted[^1])}, {times.Count}");
    }

    internal static string Esc(string text) => WebUtility.HtmlEncode(text);
}
