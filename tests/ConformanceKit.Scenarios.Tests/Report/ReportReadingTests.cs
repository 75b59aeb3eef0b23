using System.Text.Json;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

/// <summary>The report as a person reads it: controls read as controls, sub-millisecond reactions, rows by scenario and class.</summary>
public sealed class ReportReadingTests
{
    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-reading-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    [Test]
    public void PassedNegativeControl_ReadsAsAControlThatFailedAsRequired_NotAsZeroOfOneChecks()
    {
        // Given a passed scenario whose only check is a negative control that failed, as it must
        var control = CheckResult.Fail("OnDeleteUpdate", "web-2 (old-2) was deleted at 10:00:10Z (server): OnDelete replaces no pod by itself").AsControl();
        var report = Report("OnDeleteScenario.RollingUpdate_FailsTheOnDeleteCheck", [control]);

        // When the scenario's record is written and read back, and the run's page is written from it
        ReportWriter.WriteScenario(dir, report);
        var record = ScenarioRecordJson.ReadAll(dir).Values.Single();
        var html = File.ReadAllText(ReportWriter.WriteRun(dir, null, [report.ToOutcome() with { Scenario = record }]));

        // Then the record says it is a control, and the row and the details read as one that held
        record.Checks.Single().Control.ShouldBeTrue();
        var row = Row(html, "RollingUpdate_FailsTheOnDeleteCheck");
        row.ShouldContain("<td>control: the check failed, as required</td>");
        row.ShouldNotContain("0/1");
        html.ShouldContain("<span class=\"Passed\">control: the check failed, as required</span> <b>OnDeleteUpdate</b>");
    }

    [Test]
    public void ControlNextToChecks_AndAControlThatPassed_AreCountedApartAndTheBrokenOneSaysSo()
    {
        // Given two checks that passed and a control whose check passed although it must fail
        CheckResult[] checks = [CheckResult.Pass("A", "held"), CheckResult.Pass("B", "held"), CheckResult.Pass("C", "held").AsControl()];

        // When / Then
        IndexPage.ChecksSummary(checks).ShouldBe("2/2 checks; control: the check passed, but it must fail");
        IndexPage.ChecksSummary([CheckResult.Fail("C", "x").AsControl(), CheckResult.Fail("D", "y").AsControl()]).ShouldBe("controls: 2/2 checks failed, as required");
        IndexPage.ChecksSummary([CheckResult.Fail("A", "x")]).ShouldBe("0/1 checks");
        IndexPage.ChecksSummary([]).ShouldBe("–");
    }

    [Test]
    public void SummaryJson_MarksAControl_AndJUnitKeepsAHeldControlOutOfTheFailureText()
    {
        // Given the control of the first test
        var report = Report("OnDeleteScenario.Control", [CheckResult.Fail("OnDeleteUpdate", "pods moved by themselves").AsControl()]);

        // When
        ReportWriter.WriteIndex(dir, [report]);

        // Then
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var check = summary.RootElement.GetProperty("scenarios")[0].GetProperty("checks")[0];
        check.GetProperty("control").GetBoolean().ShouldBeTrue();
        check.GetProperty("asRequired").GetBoolean().ShouldBeTrue();
        File.ReadAllText(Path.Combine(dir, ReportWriter.JUnitFileName)).ShouldNotContain("pods moved by themselves");
    }

    [TestCase(0.2, "0.2 ms")]
    [TestCase(0.04, "0.04 ms")]
    [TestCase(0.0417, "0.042 ms")]
    [TestCase(2.24, "2.2 ms")]
    [TestCase(9.96, "10 ms")]
    [TestCase(12.4, "12 ms")]
    [TestCase(1234.6, "1235 ms")]
    [TestCase(0, "0 ms")]
    public void Milliseconds_BelowTenShowTwoSignificantDigits_AboveWhole(double ms, string expected) =>
        Milliseconds.Format(TimeSpan.FromMilliseconds(ms)).ShouldBe(expected);

    [Test]
    public void ReactionColumn_SubMillisecondTimes_AreNotRoundedToZero()
    {
        // Given reaction times of 0.2, 0.1 and 2.2 ms
        var report = Report("RollingUpdateScenario.Rolls", []) with
        {
            ReactionTimes = [TimeSpan.FromMilliseconds(0.2), TimeSpan.FromMilliseconds(0.1), TimeSpan.FromMilliseconds(2.2)],
        };

        // When / Then the median and the maximum keep their fraction of a millisecond
        Row(File.ReadAllText(ReportWriter.WriteIndex(dir, [report])), "Rolls").ShouldContain("<td>0.2 ms / 2.2 ms, 3</td>");
    }

    [Test]
    public void RecordedRun_RowsGoByScenarioThenStorageClass_NotByCompletionTime()
    {
        // Given the recorded TRX, whose results are in completion order (StorageScenario("slow") between the others)
        // When the run's files are written
        var index = RunResults.Write(RecordedResults.TrxPath, dir).IndexPath;

        // Then summary.json and the page list the tests by scenario, the two classes of one storage scenario side by side
        string[] expected =
        [
            "Sample.Broken.NeedsCluster.Runs",
            "Sample.Scenarios.CheckScenario.FailsAssert", "Sample.Scenarios.CheckScenario.FailsShouldly", "Sample.Scenarios.CheckScenario.Ignored",
            "Sample.Scenarios.CheckScenario.Passes", "Sample.Scenarios.CheckScenario.Throws",
            "Sample.Scenarios.ControlScenario.CheckViolated", "Sample.Scenarios.ControlScenario.ControlPassed",
            "Sample.Scenarios.StorageScenario(\"fast-ssd\").PerPod", "Sample.Scenarios.StorageScenario(\"slow\").PerPod",
        ];
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(expected);
        var html = File.ReadAllText(index);
        var positions = expected.Select(name => html.IndexOf($"title=\"{IndexPage.Esc(name)}\"", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder();
    }

    private static ScenarioReport Report(string name, IReadOnlyList<CheckResult> checks) =>
        new(name, ScenarioResult.Passed, TimeSpan.FromSeconds(4), [], Hand.OrderedLifecycle(), checks, []);

    private static string Row(string html, string test) =>
        html.Split("<tr>").Single(r => r.Contains($"<wbr>{test}<", StringComparison.Ordinal) && r.Contains("<td", StringComparison.Ordinal));
}
