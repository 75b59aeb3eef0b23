using System.Globalization;
using System.Text;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// Writes the run's <c>artifacts/</c>: per scenario an SVG timeline, a text file and its record
/// (<c>&lt;slug&gt;.json</c>); per run <c>index.html</c>, <c>summary.json</c> and <c>junit.xml</c>, all three from
/// the same outcomes so their counts agree.
/// </summary>
public static class ReportWriter
{
    /// <summary>The JUnit file's name in the artifacts folder.</summary>
    public const string JUnitFileName = "junit.xml";

    /// <summary>Writes <c>&lt;slug&gt;.svg</c>, <c>&lt;slug&gt;.txt</c> and <c>&lt;slug&gt;.json</c>; returns the SVG's path.</summary>
    public static string WriteScenario(string artifactsDir, ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(artifactsDir);
        var svgPath = Path.Combine(artifactsDir, report.Slug + ".svg");
        SvgTimeline.Render(report.Timeline, report.Name).Save(svgPath);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{report.Name}: {report.Result} in {report.WallTime.TotalSeconds:0.0} s")
            .AppendLine(report.Failure is { } f ? $"{f.Kind.ToString().ToLowerInvariant()}: {f.Reason}" : "")
            .AppendJoin(Environment.NewLine, report.CheckResults.Select(c => c.ToString()))
            .AppendLine()
            .AppendJoin(Environment.NewLine, report.Notes.Select(n => "note: " + n))
            .AppendLine();
        File.WriteAllText(Path.Combine(artifactsDir, report.Slug + ".txt"), text.ToString());
        ScenarioRecordJson.Write(artifactsDir, report.ToRecord());
        return svgPath;
    }

    /// <summary>
    /// Writes <c>index.html</c>, <c>summary.json</c> and <c>junit.xml</c> for <paramref name="outcomes"/> (every test
    /// of the run, with the scenario records merged in), each listing them by scenario and class (see
    /// <see cref="ReportOrder"/>); returns the page's path.
    /// </summary>
    public static string WriteRun(string artifactsDir, RunHeader? header, IReadOnlyList<TestOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(artifactsDir);
        ArgumentNullException.ThrowIfNull(outcomes);
        outcomes = ReportOrder.Sort(outcomes);
        Directory.CreateDirectory(artifactsDir);
        var path = Path.Combine(artifactsDir, "index.html");
        File.WriteAllText(path, IndexPage.Render(header, outcomes));
        SummaryJson.Write(artifactsDir, header, outcomes);
        JUnitWriter.Write(Path.Combine(artifactsDir, JUnitFileName), outcomes, header);
        return path;
    }

    /// <summary>Writes the run files for reports collected in process (no TRX file): each report is one outcome.</summary>
    public static string WriteIndex(string artifactsDir, IReadOnlyList<ScenarioReport> reports, RunHeader? header = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var outcomes = reports.Select(r => r.ToOutcome()).ToList();
        return WriteRun(artifactsDir, header, [.. outcomes, .. StorageGateOutcomes.From(outcomes)]);
    }
}
