using System.Globalization;
using System.Text;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The run header as an HTML table: target, server, its clock against ours, nodes, storage classes, images, run id,
/// times, version; below it the clock warning, when the clocks disagreed.
/// </summary>
internal static class RunHeaderHtml
{
    public static void Append(StringBuilder html, RunHeader h)
    {
        html.AppendLine("<table class=\"header\">");
        Row(html, "Target", h.Target);
        Row(html, "API server", $"{h.ServerUrl ?? "?"} ({h.ServerVersion ?? "version unknown"})");
        Row(html, "API server clock", h.ServerClock?.ToString() ?? "not measured");
        Row(html, "Nodes", h.Nodes.Count == 0 ? "(not readable)" : string.Join("; ",
            h.Nodes.Select(n => $"{n.Name}: kubelet {n.KubeletVersion ?? "?"}, {n.ContainerRuntimeVersion ?? "runtime ?"}{(n.OsImage is null ? "" : $", {n.OsImage}")}")));
        Row(html, "Storage classes", h.StorageClasses.Count == 0 ? "(none)" : string.Join("; ",
            h.StorageClasses.Select(c => $"{c.Name}: {c.Provisioner ?? "?"}, {c.VolumeBindingMode ?? "Immediate"}, reclaim {c.ReclaimPolicy ?? "Delete"}"
                + (c.AllowVolumeExpansion == true ? ", expandable" : ""))));
        Row(html, "Images", string.Join("; ", h.Images.Select(i => $"{i.Key}: {i.Value}")));
        Row(html, "Run", $"{h.RunId} on {h.Host}");
        var end = h.End is { } e ? e.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "?";
        var duration = h.Duration is { } d ? string.Create(CultureInfo.InvariantCulture, $" ({d.TotalMinutes:0.0} min)") : "";
        Row(html, "Time", string.Create(CultureInfo.InvariantCulture, $"{h.Start.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z – {end}{duration}"));
        Row(html, "ConformanceKit", h.ToolVersion);
        html.AppendLine("</table>");
        if (h.ServerClock?.Warning is { } warning)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"warning\">warning: {IndexPage.Esc(warning)}</p>");
        }
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{IndexPage.Esc(name)}</th><td>{IndexPage.Esc(value)}</td></tr>");
}
