using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

/// <summary>
/// A whole report made from the v1.26 recordings, as a run would leave it (attached to the test result for people to
/// look at): every link and image of index.html points at a file the report wrote, and every SVG is well-formed.
/// </summary>
public sealed partial class ExampleReportTests
{
    [Test]
    public void ExampleReport_FromTheRecordings_EveryLinkAndImageResolves()
    {
        // Given scenario reports built from the recordings (one violated on purpose, one storage class)
        // (in the test run's work folder, replaced by each run: the attachment must outlive the test)
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "example-report");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        var rolling = Recorded.Timeline("rolling-update");
        var lifecycle = Recorded.Timeline("ordered-lifecycle");
        var forced = RecordedStorage.Timeline("force-delete-reattach");
        var standard = new StorageClassProfile("standard", "kubernetes.io/host-path", "Immediate", "Delete", false, true);
        ScenarioReport[] reports =
        [
            new("RollingUpdateScenario.RollingUpdate_ReplacesPodsFromTheHighestOrdinalDown", ScenarioResult.Passed, TimeSpan.FromSeconds(11), [TimeSpan.FromMilliseconds(1)],
                rolling, [RollingUpdateOrder.Check(rolling, "web", 3, rolling.StepTime("template change"))], []),
            new("OrderedCreationScenario.OrderedLifecycle", ScenarioResult.Passed, TimeSpan.FromSeconds(60), [], lifecycle, [OrderedCreation.Check(lifecycle, "web")], []),
            new("OrderedScaleDownScenario.ExpectingForwardOrder", ScenarioResult.Failed, TimeSpan.FromSeconds(20), [], Hand.ParallelLifecycle(),
                [OrderedScaleDown.Check(Hand.ParallelLifecycle(), "web", 3, 0, Hand.At(19))], [])
            {
                Failure = new TestFailure(FailureKind.Violation, "OrderedScaleDown: pods were deleted together"),
            },
            new("ReattachScenario(standard).ForceDeletion", ScenarioResult.Passed, TimeSpan.FromSeconds(30), [], forced, [], [])
            {
                ClassName = "ReattachScenario(standard)",
                TestName = "ForceDeletion",
                Storage = new StorageEvidence(standard, [.. BindLatency.Measure(forced, standard), .. AttachLatency.Measure(forced, "web", "standard")], []),
            },
        ];

        // When the run's files are written
        foreach (var report in reports)
        {
            ReportWriter.WriteScenario(dir, report);
        }

        var index = ReportWriter.WriteIndex(dir, reports, new RunHeader { RunId = "ck-example", Target = "recordings of a v1.26.0 cluster", Start = Hand.T0 });
        TestContext.AddTestAttachment(index, "index.html of a report made from the recordings (the SVGs are beside it)");

        // Then every local href and src resolves to a written file, and every SVG parses
        var html = File.ReadAllText(index);
        var targets = Reference().Matches(html).Select(m => m.Groups[1].Value).Where(t => !t.StartsWith('#')).Distinct().ToList();
        targets.ShouldNotBeEmpty();
        targets.ShouldAllBe(t => File.Exists(Path.Combine(dir, t)));
        foreach (var svg in Directory.EnumerateFiles(dir, "*.svg"))
        {
            XDocument.Load(svg).Root!.Name.LocalName.ShouldBe("svg");
        }

        html.ShouldContain("Storage classes");
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
