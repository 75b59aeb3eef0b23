using System.Globalization;
using System.Net;
using System.Text;
using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The "Storage classes" part of index.html: one row per class (provisioner, binding mode, reclaim policy, expansion,
/// each metric's p50 / p95 / max and n, the gates over all of the class's samples), then one chart per measured metric.
/// </summary>
internal static class StorageSection
{
    /// <summary>The section for the storage scenarios' evidence (empty when there is none).</summary>
    public static string Render(IReadOnlyList<StorageEvidence> evidence)
    {
        var run = StorageRunEvidence.From(evidence);
        return Render(run.Classes, run.Samples, run.Gates);
    }

    /// <summary>The HTML fragment; empty when no class was profiled and no sample was taken.</summary>
    public static string Render(IReadOnlyList<StorageClassProfile> classes, IReadOnlyList<LatencySample> samples, IReadOnlyList<LatencyGate> gates)
    {
        var names = classes.Select(c => c.Name).Concat(samples.Select(s => s.StorageClass)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return "";
        }

        var metrics = StorageMetricNames.All.Where(m => samples.Any(s => s.Metric == m)).ToList();
        var html = new StringBuilder()
            .AppendLine("<section id=\"storage-classes\"><h2>Storage classes</h2>")
            .AppendLine("<p>Latencies per class over all storage scenarios (p50 / p95 / max in seconds, n samples; nearest-rank quantiles; the gates over all of a class's samples). Each metric says which clock it was read from: server timestamps (second precision) or the observer's watch clock.</p>")
            .Append("<table class=\"storage\"><tr><th>Class</th><th>Provisioner</th><th>Binding</th><th>Reclaim</th><th>Expansion</th>")
            .AppendJoin("", metrics.Select(m => $"<th>{Esc(StorageMetricNames.Label(m))}</th>"))
            .AppendLine("<th>Gates</th></tr>");
        foreach (var name in names)
        {
            var profile = classes.FirstOrDefault(c => c.Name == name);
            var mine = samples.Where(s => s.StorageClass == name).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<tr data-class=\"{Esc(name)}\"><td>{Esc(name)}{(profile?.IsDefault == true ? " (default)" : "")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Esc(profile?.Provisioner ?? "?")}</td><td>{Esc(profile?.BindingMode ?? "?")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Esc(profile?.ReclaimPolicy ?? "?")}</td><td>{(profile is null ? "?" : profile.AllowVolumeExpansion ? "allowed" : "no")}</td>")
                .AppendJoin("", metrics.Select(m => $"<td>{Cell(LatencySummary.From(m, name, [.. mine.Where(s => s.Metric == m)]))}</td>"))
                .Append(CultureInfo.InvariantCulture, $"<td>{Gates(gates, name, mine)}</td>")
                .AppendLine("</tr>");
        }

        html.AppendLine("</table>");
        foreach (var metric in metrics)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<h3>{Esc(StorageMetricNames.Label(metric))}</h3>")
                .AppendLine(StorageChart.Render(metric, names, samples).ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
        }

        return html.AppendLine("</section>").ToString();
    }

    private static string Cell(LatencySummary summary) =>
        summary.N == 0
            ? "–"
            : Esc($"{LatencySample.FormatSeconds(summary.P50)} / {LatencySample.FormatSeconds(summary.P95)} / {LatencySample.FormatSeconds(summary.Max)} (n={summary.N}, {summary.ClockText})");

    private static string Gates(IReadOnlyList<LatencyGate> gates, string storageClass, IReadOnlyList<LatencySample> samples)
    {
        if (gates.Count == 0)
        {
            return "none";
        }

        return string.Join("<br>", gates.Select(g => g.Judge(storageClass, samples)).Select(r =>
            $"<span class=\"{(r.Result.Passed ? "Passed" : "Failed")}\">{(r.Result.Passed || !r.TooFewSamples ? "" : "error: ")}{Esc(r.Result.Message)}</span>"));
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
