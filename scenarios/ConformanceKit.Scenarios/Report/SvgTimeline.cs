using System.Globalization;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Draws a timeline as SVG: one row per pod UID, phase bars, Ready and deletion marks, steps, a time axis.</summary>
internal static class SvgTimeline
{
    internal static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const double LabelWidth = 190, PlotWidth = 860, RowHeight = 24, Top = 56, BarHeight = 14, StepLineHeight = 13;

    /// <summary>Room right of the plot for the label after a bar that runs to the end (a full-length IPv6 address, 39 characters, at 9 px).</summary>
    internal const double RightMargin = 220;

    internal static readonly (string Name, string Colour)[] Legend =
    [
        ("Pending (created, unscheduled)", "#c8c8c8"), ("Scheduled, starting", "#9ecae1"),
        ("Running, not Ready", "#fdb863"), ("Ready", "#4daf4a"), ("Terminating", "#e41a1c"),
    ];

    public static XDocument Render(Timeline.Timeline timeline, string title)
    {
        var start = timeline.Start ?? DateTimeOffset.UnixEpoch;
        var end = timeline.End ?? start;
        if (end - start < TimeSpan.FromSeconds(1))
        {
            end = start + TimeSpan.FromSeconds(1);
        }

        var scale = new TimeScale(start, end, LabelWidth, PlotWidth);
        var rows = timeline.Pods;
        var axisY = Top + (rows.Count * RowHeight) + 8;
        var stepRows = (timeline.Steps.Count + 1) / 2;
        var height = axisY + 90 + (stepRows * StepLineHeight) + (stepRows > 0 ? 8 : 0);
        var root = new XElement(Svg + "svg",
            new XAttribute("width", F(LabelWidth + PlotWidth + RightMargin)), new XAttribute("height", F(height)),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "11"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(8, 18, $"{title} — {rows.Count} pods, from {start.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", "14", "bold"));
        var revisions = RevisionShades.Of(timeline);
        root.Add(revisions.Legend(LabelWidth, Top - 25));
        for (var i = 0; i < rows.Count; i++)
        {
            root.Add(Row(rows[i], Top + (i * RowHeight), scale, end, revisions));
        }

        root.Add(Steps(timeline.Steps, scale, axisY));
        root.Add(Axis(scale, axisY));
        root.Add(LegendRow(axisY + 48));
        root.Add(StepList(timeline.Steps, scale, axisY + 80));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Row(PodHistory pod, double y, TimeScale scale, DateTimeOffset end, RevisionShades revisions)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "pod"), new XAttribute("data-uid", pod.Uid),
            Text(8, y + 12, pod.Label, null, null));
        var stop = pod.Gone?.Best ?? pod.TerminationRequested?.Best ?? end;
        Bar(g, scale, pod.Created.Best, pod.Scheduled?.Best ?? pod.Running?.Best ?? stop, y, Legend[0].Colour);
        if (pod.Scheduled is { } scheduled)
        {
            Bar(g, scale, scheduled.Best, pod.Running?.Best ?? stop, y, Legend[1].Colour);
        }

        if (pod.Running is { } running)
        {
            var from = running.Best;
            var ready = false;
            foreach (var t in pod.ReadyTransitions.Where(t => t.At.Best >= from))
            {
                Bar(g, scale, from, t.At.Best, y, ready ? Legend[3].Colour : Legend[2].Colour);
                (from, ready) = (t.At.Best, t.Ready);
            }

            Bar(g, scale, from, stop, y, ready ? Legend[3].Colour : Legend[2].Colour);
        }

        revisions.Draw(g, pod, y, scale, stop, 3 + BarHeight);
        if (pod.TerminationRequested is { } term)
        {
            Bar(g, scale, term.Best, pod.Gone?.Best ?? end, y, Legend[4].Colour);
            g.Add(Mark(scale.X(term.Best), y, "✕", "#222", $"deletion requested {term}"));
        }

        foreach (var t in pod.ReadyTransitions.Where(t => t.Ready))
        {
            g.Add(Mark(scale.X(t.At.Best), y, "◆", "#1a5e1a", $"Ready {t.At}"));
        }

        if (pod.CurrentIp is { } ip)
        {
            g.Add(Text(scale.X(stop) + 4, y + 12, ip, "9", null));
        }

        return g;
    }

    private static void Bar(XElement g, TimeScale scale, DateTimeOffset from, DateTimeOffset to, double y, string colour)
    {
        if (to < from)
        {
            return;
        }

        g.Add(new XElement(Svg + "rect",
            new XAttribute("x", F(scale.X(from))), new XAttribute("y", F(y + 3)),
            new XAttribute("width", F(Math.Max(1, scale.X(to) - scale.X(from)))), new XAttribute("height", F(BarHeight)),
            new XAttribute("fill", colour)));
    }

    private static XElement Mark(double x, double y, string glyph, string colour, string tooltip) =>
        new(Svg + "text", new XAttribute("x", F(x - 4)), new XAttribute("y", F(y + 14)), new XAttribute("fill", colour),
            new XElement(Svg + "title", tooltip), glyph);

    private static XElement Steps(IReadOnlyList<TimelineStep> steps, TimeScale scale, double axisY)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "steps"));
        for (var i = 0; i < steps.Count; i++)
        {
            var x = scale.X(steps[i].At);
            g.Add(new XElement(Svg + "line", new XAttribute("x1", F(x)), new XAttribute("x2", F(x)),
                new XAttribute("y1", F(Top - 4)), new XAttribute("y2", F(axisY)),
                new XAttribute("stroke", "#555"), new XAttribute("stroke-dasharray", "3,3")));
            g.Add(new XElement(Svg + "text", new XAttribute("x", F(x + 2)), new XAttribute("y", F(Top - 6 - (i % 2 * 11))),
                new XAttribute("font-size", "9"), new XAttribute("fill", "#333"),
                new XElement(Svg + "title", $"{steps[i].At.UtcDateTime:HH:mm:ss.fff}Z {steps[i].Label}"), $"{i + 1}"));
        }

        return g;
    }

    /// <summary>The steps spelled out under the legend, in two columns, numbered as on the plot.</summary>
    private static XElement StepList(IReadOnlyList<TimelineStep> steps, TimeScale scale, double y)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "step-list"));
        var rows = (steps.Count + 1) / 2;
        for (var i = 0; i < steps.Count; i++)
        {
            var x = i < rows ? 8 : 8 + ((LabelWidth + PlotWidth) / 2);
            var line = y + ((i % Math.Max(rows, 1)) * StepLineHeight);
            var offset = (steps[i].At - scale.Start).TotalSeconds;
            g.Add(Text(x, line, $"{i + 1}. +{offset.ToString("0.0", CultureInfo.InvariantCulture)}s  {Short(steps[i].Label)}", "10", null));
        }

        return g;
    }

    private static XElement Axis(TimeScale scale, double y)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "axis"),
            new XElement(Svg + "line", new XAttribute("x1", F(LabelWidth)), new XAttribute("x2", F(LabelWidth + PlotWidth)),
                new XAttribute("y1", F(y)), new XAttribute("y2", F(y)), new XAttribute("stroke", "black")));
        foreach (var (at, seconds) in scale.Ticks())
        {
            var x = scale.X(at);
            g.Add(new XElement(Svg + "line", new XAttribute("x1", F(x)), new XAttribute("x2", F(x)),
                new XAttribute("y1", F(y)), new XAttribute("y2", F(y + 5)), new XAttribute("stroke", "black")));
            g.Add(Text(x - 8, y + 17, $"+{seconds}s", "10", null));
        }

        g.Add(Text(LabelWidth, y + 32, $"seconds since {scale.Start.UtcDateTime:HH:mm:ss}Z (server timestamps where the API gives one, else the observer's clock)", "10", null));
        return g;
    }

    private static XElement LegendRow(double y)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var x = 8.0;
        foreach (var (name, colour) in Legend)
        {
            g.Add(new XElement(Svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", "12"),
                new XAttribute("height", "12"), new XAttribute("fill", colour)));
            g.Add(Text(x + 16, y + 10, name, "10", null));
            x += 28 + (name.Length * 5.6);
        }

        g.Add(Text(x, y + 10, "◆ Ready   ✕ deletion requested   ┆ scenario step", "10", null));
        return g;
    }

    internal static XElement Text(double x, double y, string text, string? size, string? weight)
    {
        var e = new XElement(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), text);
        if (size is not null)
        {
            e.Add(new XAttribute("font-size", size));
        }

        if (weight is not null)
        {
            e.Add(new XAttribute("font-weight", weight));
        }

        return e;
    }

    private static string Short(string label) => label.Length > 80 ? label[..79] + "…" : label;

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
