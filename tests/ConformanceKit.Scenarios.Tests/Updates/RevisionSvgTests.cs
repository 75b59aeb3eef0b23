using System.Xml.Linq;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Updates;

public sealed class RevisionSvgTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    [Test]
    public void Svg_RecordedRollingUpdate_NamesEachPodsRevisionAndShadesEachRevision()
    {
        // Given the timeline of the recorded rolling update (three v1 pods, then their three v2 replacements)
        var timeline = Recorded.Timeline("rolling-update");

        // When it is drawn
        var svg = SvgTimeline.Render(timeline, "Recorded rolling update");
        WriteAttachment(svg, "rolling-update-revisions.svg");

        // Then every pod row names its revision's hash, in one shade per revision
        var rows = svg.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "pod").ToList();
        var byRow = rows.Select(r => (
            Uid: (string)r.Attribute("data-uid")!,
            Hash: r.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "revision").Value,
            Shade: (string)r.Elements(Ns + "rect").Single(t => (string?)t.Attribute("class") == "revision").Attribute("fill")!)).ToList();
        byRow.Select(r => r.Hash).ShouldBe(["74cf54d79", "74cf54d79", "74cf54d79", "84d84cd6db", "84d84cd6db", "84d84cd6db"]);
        byRow.GroupBy(r => r.Hash).Select(g => g.Select(r => r.Shade).Distinct().Count()).ShouldAllBe(n => n == 1);
        byRow.Select(r => r.Shade).Distinct().Count().ShouldBe(2);

        // And the legend names both ControllerRevisions with their numbers
        var legend = svg.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == "revisions");
        legend.Elements(Ns + "text").Select(t => t.Value).ShouldBe(["revisions:", "web-74cf54d79 (revision 1)", "web-84d84cd6db (revision 2)"]);
    }

    [Test]
    public void Svg_PodsWithoutRevisions_DrawNoRevisionMarks()
    {
        // Given a hand-built timeline whose pods carry no controller-revision-hash label
        // When
        var svg = SvgTimeline.Render(Hand.OrderedLifecycle(), "No revisions");

        // Then there is neither a legend nor a stripe
        svg.Descendants(Ns + "g").ShouldNotContain(g => (string?)g.Attribute("class") == "revisions");
        svg.Descendants().ShouldNotContain(e => (string?)e.Attribute("class") == "revision");
    }

    private static void WriteAttachment(XDocument svg, string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, name);
        svg.Save(path);
        TestContext.AddTestAttachment(path, "the SVG timeline with revisions");
    }
}
