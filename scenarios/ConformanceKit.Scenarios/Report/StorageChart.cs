using System.Globalization;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// One metric's samples as SVG: one horizontal line per storage class on a shared seconds axis, each sample a dot,
/// the class's p50 and p95 marked, so classes compare at a glance.
/// </summary>
internal static class StorageChart
{
    private static readonly XNamespace Svg = SvgTimeline.Svg;
    private static readonly double[] TickSteps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];
    private const double LabelWidth = 170, PlotWidth = 700, RightMargin = 40, Top = 34, RowHeight = 30;

    /// <summary>The chart of <paramref name="metric"/> over <paramref name="classes"/> (a line each, samples or not).</summary>
    public static XElement Render(StorageMetric metric, IReadOnlyList<string> classes, IReadOnlyList<LatencySample> samples)
    {
        var mine = samples.Where(s => s.Metric == metric).ToList();
        var (axisEnd, step) = Axis(mine.Select(s => s.Seconds).DefaultIfEmpty(0).Max());
        double X(double seconds) => LabelWidth + (PlotWidth * Math.Clamp(seconds, 0, axisEnd) / axisEnd);
        var axisY = Top + (classes.Count * RowHeight) + 4;
        var root = new XElement(Svg + "svg",
            new XAttribute("class", "storage-chart"), new XAttribute("data-metric", StorageMetricNames.Key(metric)),
            new XAttribute("width", F(LabelWidth + PlotWidth + RightMargin)), new XAttribute("height", F(axisY + 34)),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "11"),
            new XElement(Svg + "title", $"{StorageMetricNames.Label(metric)} latency per storage class"),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            SvgTimeline.Text(8, 16, $"{StorageMetricNames.Label(metric)} (seconds; dots are samples, | p50, ‖ p95)", "13", "bold"));
        for (var i = 0; i < classes.Count; i++)
        {
            root.Add(Row(metric, classes[i], mine.Where(s => s.StorageClass == classes[i]).ToList(), Top + (i * RowHeight) + (RowHeight / 2), X));
        }

        var axis = new XElement(Svg + "g", new XAttribute("class", "axis"), Line(X(0), axisY, X(axisEnd), axisY, "black", null));
        for (var t = 0.0; t <= axisEnd + (step / 1000); t += step)
        {
            axis.Add(Line(X(t), axisY, X(t), axisY + 5, "black", null), SvgTimeline.Text(X(t) - 6, axisY + 17, F(t) + "s", "10", null));
        }

        root.Add(axis);
        return root;
    }

    /// <summary>The axis end (a whole number of ticks, at least one) and the tick step for samples up to <paramref name="max"/>.</summary>
    internal static (double End, double Step) Axis(double max)
    {
        var step = TickSteps.FirstOrDefault(s => max / s <= 10, TickSteps[^1]);
        return (Math.Max(1, Math.Ceiling((max / step) - 1e-9)) * step, step);
    }

    private static XElement Row(StorageMetric metric, string storageClass, IReadOnlyList<LatencySample> samples, double y, Func<double, double> x)
    {
        var summary = LatencySummary.From(metric, storageClass, samples);
        var g = new XElement(Svg + "g", new XAttribute("class", "storage-class"), new XAttribute("data-class", storageClass),
            SvgTimeline.Text(8, y + 4, $"{storageClass} (n={summary.N})", null, null),
            Line(x(0), y, x(double.MaxValue), y, "#bbb", "class-line"));
        if (summary.N == 0)
        {
            g.Add(SvgTimeline.Text(x(0) + 6, y - 4, "no samples", "10", null));
            return g;
        }

        foreach (var sample in samples)
        {
            g.Add(new XElement(Svg + "circle", new XAttribute("class", "sample"), new XAttribute("cx", F(x(sample.Seconds))), new XAttribute("cy", F(y)),
                new XAttribute("r", "3.5"), new XAttribute("fill", "#3b75af"), new XAttribute("fill-opacity", "0.6"),
                new XElement(Svg + "title", sample.ToString())));
        }

        g.Add(Marker("p50", summary.P50, summary.N, x(summary.P50), y, "#1a7f37", 7), Marker("p95", summary.P95, summary.N, x(summary.P95), y, "#cf222e", 10));
        return g;
    }

    private static XElement Marker(string name, double seconds, int n, double x, double y, string colour, double half) =>
        new(Svg + "g", new XAttribute("class", name),
            new XElement(Svg + "title", $"{name} {LatencySample.FormatSeconds(seconds)} s (n={n})"),
            Line(x, y - half, x, y + half, colour, null),
            new XElement(Svg + "text", new XAttribute("x", F(x + 2)), new XAttribute("y", F(name == "p50" ? y + half + 8 : y - half - 1)),
                new XAttribute("font-size", "9"), new XAttribute("fill", colour), $"{name} {LatencySample.FormatSeconds(seconds)}"));

    private static XElement Line(double x1, double y1, double x2, double y2, string colour, string? cssClass)
    {
        var line = new XElement(Svg + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)),
            new XAttribute("y2", F(y2)), new XAttribute("stroke", colour), new XAttribute("stroke-width", "1.5"));
        if (cssClass is not null)
        {
            line.Add(new XAttribute("class", cssClass));
        }

        return line;
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
