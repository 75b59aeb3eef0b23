using System.Xml.Linq;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class ReportTests
{
    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-report-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    private static ScenarioReport Report(string name, Timeline.Timeline timeline, ScenarioResult result) => new(
        name, result, TimeSpan.FromSeconds(12.3), [TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(90)], timeline,
        [OrderedCreation.Check(timeline, "web"), OrderedScaleDown.Check(timeline, "web", 3, 0, Hand.At(19))], ["a <note> & more"]);

    [Test]
    public void Svg_KnownTimeline_IsWellFormedWithOneRowPerPod()
    {
        // Given a hand-built timeline of three pods (plus a replacement) and steps
        var timeline = Hand.OrderedLifecycle();
        timeline = timeline with { Pods = [.. timeline.Pods, Hand.Pod("web-0", "uid-b0", 28, ready: 30)] };

        // When
        var path = ReportWriter.WriteScenario(dir, Report("Ordered lifecycle", timeline, ScenarioResult.Passed));

        // Then
        var svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Root!.Name.ShouldBe(ns + "svg");
        var rows = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "pod").ToList();
        rows.Select(r => (string?)r.Attribute("data-uid")).ShouldBe(["uid-a0", "uid-a1", "uid-a2", "uid-b0"]);
        rows[0].Elements(ns + "text").First().Value.ShouldBe("web-0 (uid-a0)");
        svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "axis").Elements(ns + "text").ShouldContain(t => t.Value == "+10s");
        svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "steps").Elements(ns + "line").Count().ShouldBe(2);
        Path.GetFileName(path).ShouldBe("ordered-lifecycle.svg");
    }

    [Test]
    public void Index_TwoScenarios_LinksEachSvgAndShowsResults()
    {
        // Given one passing and one failing scenario
        var reports = new[]
        {
            Report("Ordered lifecycle", Hand.OrderedLifecycle(), ScenarioResult.Passed),
            Report("Parallel control", Hand.ParallelLifecycle(), ScenarioResult.Failed),
        };

        // When
        foreach (var r in reports)
        {
            ReportWriter.WriteScenario(dir, r);
        }

        var index = File.ReadAllText(ReportWriter.WriteIndex(dir, reports));

        // Then
        index.ShouldContain("<a href=\"ordered-lifecycle.svg\">");
        index.ShouldContain("<a href=\"parallel-control.svg\">");
        index.ShouldContain("<td class=\"Failed\">Failed (error)</td>");
        index.ShouldContain("40 ms / 90 ms, 2");
        index.ShouldContain("a &lt;note&gt; &amp; more");
        index.ShouldContain("web-1 (uid-p1) was created at");
        File.Exists(Path.Combine(dir, "parallel-control.svg")).ShouldBeTrue();
    }

    [Test]
    public void Index_AlsoWritesSummaryJson_WithCountsAndEveryCheck()
    {
        // Given one passing and one failing scenario
        var passed = Report("Ordered lifecycle", Hand.OrderedLifecycle(), ScenarioResult.Passed);
        var failed = Report("Parallel control", Hand.ParallelLifecycle(), ScenarioResult.Failed);

        // When the index is written
        ReportWriter.WriteIndex(dir, [passed, failed]);

        // Then summary.json carries the counts and, per scenario, its result and checks
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var root = summary.RootElement;
        root.GetProperty("passed").GetInt32().ShouldBe(1);
        root.GetProperty("failed").GetInt32().ShouldBe(1);
        var second = root.GetProperty("scenarios")[1];
        second.GetProperty("result").GetString().ShouldBe("Failed");
        second.GetProperty("timeline").GetString().ShouldBe("parallel-control.svg");
        second.GetProperty("checks").GetArrayLength().ShouldBe(failed.CheckResults.Count);
        second.GetProperty("reactionMilliseconds").GetArrayLength().ShouldBe(failed.ReactionTimes.Count);
    }

    [Test]
    public void Svg_RecordedLifecycle_HasOneRowPerPodUid()
    {
        // Given the timeline built from the real v1.26 recording
        var timeline = Recorded.Timeline("ordered-lifecycle");

        // When
        var path = ReportWriter.WriteScenario(dir, Report("Recorded ordered lifecycle", timeline, ScenarioResult.Passed));
        TestContext.AddTestAttachment(path, "SVG timeline of the recorded ordered lifecycle");

        // Then
        XNamespace ns = "http://www.w3.org/2000/svg";
        var rows = XDocument.Load(path).Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "pod").ToList();
        rows.Count.ShouldBe(timeline.Pods.Count);
        rows.Select(r => (string?)r.Attribute("data-uid")).Distinct().Count().ShouldBe(11);
    }
}
