using System.Xml.Linq;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class StorageReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly StorageClassProfile Fast = new("fast-ssd", "ebs.csi.aws.com", "WaitForFirstConsumer", "Delete", true, true);
    private static readonly StorageClassProfile Slow = new("slow-hdd", "example.com/hdd", "Immediate", "Retain", false, false);

    private static LatencySample Sample(StorageMetric metric, string storageClass, double seconds, string subject = "data-web-0") =>
        new(metric, storageClass, subject, seconds, ClockSource.Observed, "PVC created → Bound");

    private static List<LatencySample> Samples() =>
    [
        Sample(StorageMetric.Bind, "fast-ssd", 0.4), Sample(StorageMetric.Bind, "fast-ssd", 0.6), Sample(StorageMetric.Bind, "fast-ssd", 0.5),
        Sample(StorageMetric.Bind, "fast-ssd", 0.3), Sample(StorageMetric.Bind, "fast-ssd", 0.4),
        .. new[] { 1.0, 1.2, 1.4, 2.0, 2.2, 3.1, 4.0, 5.5, 7.4 }.Select(s => Sample(StorageMetric.Bind, "slow-hdd", s)),
        Sample(StorageMetric.ReattachForced, "fast-ssd", 2.5),
    ];

    [Test]
    public void Chart_TwoClasses_IsWellFormedSvgWithOneLinePerClassAndADotPerSample()
    {
        // Given bind samples of two classes and a third class without samples
        // When
        var svg = XDocument.Parse(StorageChart.Render(StorageMetric.Bind, ["fast-ssd", "slow-hdd", "empty"], Samples()).ToString());

        // Then
        svg.Root!.Name.ShouldBe(Svg + "svg");
        var rows = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "storage-class").ToList();
        rows.Select(r => (string?)r.Attribute("data-class")).ShouldBe(["fast-ssd", "slow-hdd", "empty"]);
        rows.Select(r => r.Elements(Svg + "line").Count(l => (string?)l.Attribute("class") == "class-line")).ShouldBe([1, 1, 1]);
        rows.Select(r => r.Elements(Svg + "circle").Count()).ShouldBe([5, 9, 0]);
        rows[1].Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "p95").Element(Svg + "title")!.Value.ShouldBe("p95 7.4 s (n=9)");
        rows[0].Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "p50").Element(Svg + "title")!.Value.ShouldBe("p50 0.4 s (n=5)");
        rows[2].Value.ShouldContain("no samples");
    }

    [Test]
    public void Chart_SharedAxis_PlacesEqualSecondsAtEqualXOnEveryLine()
    {
        // Given both classes with one sample of 2 s
        var samples = new[] { Sample(StorageMetric.ReattachForced, "fast-ssd", 2), Sample(StorageMetric.ReattachForced, "slow-hdd", 2), Sample(StorageMetric.ReattachForced, "slow-hdd", 9) };

        // When
        var svg = StorageChart.Render(StorageMetric.ReattachForced, ["fast-ssd", "slow-hdd"], samples);

        // Then the 2 s dots line up, the axis ends at 9 s
        var dots = svg.Descendants(Svg + "circle").Select(c => (string?)c.Attribute("cx")).ToList();
        dots[0].ShouldBe(dots[1]);
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "axis").Elements(Svg + "text").Last().Value.ShouldBe("9s");
        StorageChart.Axis(0).ShouldBe((0.1, 0.1));
        StorageChart.Axis(7.4).ShouldBe((8d, 1d));
    }

    [Test]
    public void Section_TwoClasses_OneRowPerClassWithProfileQuantilesAndGates()
    {
        // Given two profiled classes, their samples and a bind gate of 5 s
        // When
        var html = StorageSection.Render([Fast, Slow], Samples(), [LatencyGate.Bind(5)]);

        // Then
        html.ShouldContain("<h2>Storage classes</h2>");
        html.ShouldContain("<tr data-class=\"fast-ssd\"><td>fast-ssd (default)</td><td>ebs.csi.aws.com</td><td>WaitForFirstConsumer</td><td>Delete</td><td>allowed</td>");
        html.ShouldContain("<td>2.2 / 7.4 / 7.4 (n=9, observed)</td>");
        html.ShouldContain("<span class=\"Failed\">bind p95 7.4 s &gt; 5 s on class slow-hdd (n=9)</span>");
        html.ShouldContain("<span class=\"Passed\">bind p95 0.6 s &lt;= 5 s on class fast-ssd (n=5)</span>");
        System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count.ShouldBe(2);
        System.Text.RegularExpressions.Regex.Matches(html, "<tr data-class=").Count.ShouldBe(2);
    }

    [Test]
    public void Section_NothingMeasured_IsEmpty()
    {
        // Given / When / Then
        StorageSection.Render([], [], []).ShouldBeEmpty();
    }
}
