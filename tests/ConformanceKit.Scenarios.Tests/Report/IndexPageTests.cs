using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

public sealed partial class IndexPageTests
{
    private static readonly RunHeader Header = new()
    {
        RunId = "ck-20261201-070000-a1b2c3",
        Host = "ci-7",
        Target = "existing cluster https://10.1.2.3:6443/ (kubeconfig /home/u/.kube/config, context staging)",
        ServerUrl = "https://10.1.2.3:6443/",
        ServerVersion = "v1.26.0",
        Nodes = [new NodeInfo("node-a", "v1.26.0", "containerd://1.6.21", "Debian GNU/Linux 12")],
        StorageClasses = [new StorageClassInfo("standard", "kubernetes.io/host-path", "Immediate", "Delete", false)],
        Images = new Dictionary<string, string> { ["workload"] = "registry.local/nginx:1.27", ["busybox"] = "registry.local/busybox:1.36" },
        Start = Hand.T0,
        End = Hand.T0 + TimeSpan.FromMinutes(2.5),
        ToolVersion = "1.0.0+51f9c27abcde",
    };

    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-index-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    [Test]
    public void FailedRow_ShowsItsKindAndReason_NextToTheResult()
    {
        // Given a violated scenario and one that errored, both with their reasons
        var check = CheckResult.Fail("OrderedScaleDown", "web-0 was deleted before web-1 was gone");
        var violated = Report("OrderedScaleDownScenario.ScaleDown", ScenarioResult.Failed, [check]) with
        {
            Failure = new TestFailure(FailureKind.Violation, "OrderedScaleDown: web-0 was deleted before web-1 was gone"),
        };
        var errored = Report("StableDnsScenario.Resolves", ScenarioResult.Failed, []) with
        {
            Failure = new TestFailure(FailureKind.Error, "ProbeToolException: probe tool 'wget' in pod ns/dns-probe (image busybox:1.28) crashed with signal 11"),
        };

        // When the index is written
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [violated, errored], Header));

        // Then each failed row carries its kind and reason, and the counts split them
        Row(html, "ScaleDown").ShouldContain("Failed (violation)");
        Row(html, "ScaleDown").ShouldContain("web-0 was deleted before web-1 was gone");
        Row(html, "Resolves").ShouldContain("Failed (error)");
        Row(html, "Resolves").ShouldContain("crashed with signal 11");
        Row(html, "ScaleDown").ShouldContain("0/1");
        html.ShouldContain("0 passed, 2 failed (1 violations, 1 errors), 0 skipped.");
    }

    [Test]
    public void Header_NamesTargetServerNodesClassesImagesRunTimesAndVersion()
    {
        // Given / When a run with its header
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [Report("A.B", ScenarioResult.Passed, [])], Header));

        // Then every part of the header is on the page
        foreach (var fragment in new[]
        {
            "context staging", "https://10.1.2.3:6443/ (v1.26.0)", "node-a: kubelet v1.26.0, containerd://1.6.21",
            "standard: kubernetes.io/host-path, Immediate, reclaim Delete", "workload: registry.local/nginx:1.27",
            "ck-20261201-070000-a1b2c3 on ci-7", "2026-11-20 10:00:00Z – 10:02:30Z (2.5 min)", "1.0.0+51f9c27abcde",
        })
        {
            html.ShouldContain(fragment);
        }
    }

    [Test]
    public void ResultsTable_FitsA1366PixelScreen_WithLongNamesWrappingAndFullNamesInTheTitle()
    {
        // Given a scenario with a very long name
        const string name = "OrderedCreationScenario.OrderedReady_WhilePodIIsHeldUnReady_TheSetKeepsIPlusOnePods_AndNothingElseHappensMeanwhile";
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [Report(name, ScenarioResult.Passed, [])], Header));

        // Then the page is at most 1366 px wide, the table's layout is fixed with columns adding up to 100 %,
        // cells wrap anywhere, and the full name stays in the cell's title
        int.Parse(MaxWidth().Match(html).Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(1366);
        html.ShouldContain("table-layout:fixed");
        html.ShouldContain("overflow-wrap:anywhere");
        ColWidth().Matches(html).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ShouldBe(100);
        html.ShouldContain($"title=\"{name}\"");
    }

    [Test]
    public void Svg_PodRunningToTheEnd_ItsIpLabelIsInsideTheImage()
    {
        // Given a pod still Ready at the end of the timeline with a long (IPv6) address
        var pod = Hand.Pod("web-0", "uid-0", 0, ready: 2, ip: "fd00:10:244:1234:5678:9abc:def0:1234");
        var timeline = new Timeline.Timeline { Pods = [pod], Steps = [new TimelineStep("applied", Hand.At(0))] };

        // When
        var svg = XDocument.Load(ReportWriter.WriteScenario(dir, Report("Svg.Clip", ScenarioResult.Passed, [], timeline)));

        // Then every text ends inside the image (9 px glyphs are at most 0.6 em wide)
        XNamespace ns = "http://www.w3.org/2000/svg";
        var width = double.Parse((string)svg.Root!.Attribute("width")!, CultureInfo.InvariantCulture);
        var ip = svg.Descendants(ns + "text").Single(t => t.Value == pod.CurrentIp);
        var x = double.Parse((string)ip.Attribute("x")!, CultureInfo.InvariantCulture);
        (x + (ip.Value.Length * 9 * 0.6)).ShouldBeLessThanOrEqualTo(width);
    }

    private static ScenarioReport Report(string name, ScenarioResult result, IReadOnlyList<CheckResult> checks, Timeline.Timeline? timeline = null) =>
        new(name, result, TimeSpan.FromSeconds(4), [], timeline ?? Hand.OrderedLifecycle(), checks, []);

    private static string Row(string html, string test) =>
        html.Split("<tr>").Single(r => r.Contains($"<wbr>{test}<", StringComparison.Ordinal) && r.Contains("<td", StringComparison.Ordinal));

    [GeneratedRegex(@"max-width:(\d+)px")]
    private static partial Regex MaxWidth();

    [GeneratedRegex(@"<col style=""width:(\d+)%"">")]
    private static partial Regex ColWidth();
}
