using System.Text.Json;
using System.Xml.Linq;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Report;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

public sealed class RunResultsTests
{
    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-results-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    [Test]
    public void TrxReader_RecordedResults_ReadsEveryTestWithItsFixtureArgumentsAndSkipReason()
    {
        // Given / When
        var outcomes = TrxReader.Read(RecordedResults.TrxPath);

        // Then
        outcomes.Count.ShouldBe(10);
        outcomes.Select(o => o.FullName).ShouldContain("Sample.Scenarios.StorageScenario(\"slow\").PerPod");
        outcomes.Select(o => o.FullName).ShouldContain("Sample.Scenarios.StorageScenario(\"fast-ssd\").PerPod");
        outcomes.Single(o => o.Name == "Ignored").ShouldSatisfyAllConditions(
            o => o.Result.ShouldBe(ScenarioResult.Skipped),
            o => o.SkipReason.ShouldBe("Needs Kubernetes v1.27+ (server is v1.26.0): retention"));
        outcomes.Single(o => o.ClassName.EndsWith("(\"slow\")", StringComparison.Ordinal)).ShortClassName.ShouldBe("StorageScenario(\"slow\")");
    }

    [Test]
    public void Write_RecordedResults_JUnitSummaryAndTrxAgreeOnEveryCount()
    {
        // Given the recorded TRX file and its counters
        var counters = XDocument.Load(RecordedResults.TrxPath).Descendants().Single(e => e.Name.LocalName == "Counters");
        int Counter(string name) => (int)counters.Attribute(name)!;

        // When the run files are written from it
        var (counts, index) = RunResults.Write(RecordedResults.TrxPath, dir);

        // Then junit.xml is well-formed and its counts equal the TRX file's and summary.json's
        var junit = XDocument.Load(Path.Combine(dir, ReportWriter.JUnitFileName)).Root!;
        int Junit(string name) => (int)junit.Attribute(name)!;
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        int Summary(string name) => summary.RootElement.GetProperty(name).GetInt32();
        Junit("tests").ShouldBe(Counter("total"));
        (Junit("failures") + Junit("errors")).ShouldBe(Counter("failed"));
        Junit("skipped").ShouldBe(Counter("total") - Counter("executed"));
        (Summary("passed"), Summary("failed"), Summary("skipped")).ShouldBe((Counter("passed"), Counter("failed"), Counter("total") - Counter("executed")));
        (Summary("violations"), Summary("errors")).ShouldBe((Junit("failures"), Junit("errors")));
        counts.ClosingLine.ShouldBe("2 passed, 7 failed, 1 skipped");
        File.Exists(index).ShouldBeTrue();
    }

    [Test]
    public void JUnit_RecordedResults_OneSuitePerClass_FailureForViolations_ErrorForErrors()
    {
        // Given / When
        RunResults.Write(RecordedResults.TrxPath, dir);
        var junit = XDocument.Load(Path.Combine(dir, ReportWriter.JUnitFileName)).Root!;

        // Then
        junit.Elements("testsuite").Select(s => (string)s.Attribute("name")!).Order(StringComparer.Ordinal).ShouldBe(
        [
            "Sample.Broken.NeedsCluster", "Sample.Scenarios.CheckScenario", "Sample.Scenarios.ControlScenario",
            "Sample.Scenarios.StorageScenario(\"fast-ssd\")", "Sample.Scenarios.StorageScenario(\"slow\")",
        ]);
        XElement Case(string name) => junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == name);
        Case("CheckViolated").Element("failure")!.Attribute("message")!.Value.ShouldBe("OrderedScaleDown: web-0 was deleted before web-1 was gone");
        Case("Throws").Element("error")!.Attribute("type")!.Value.ShouldBe("error");
        Case("Ignored").Element("skipped")!.Attribute("message")!.Value.ShouldContain("v1.27");
        Case("Passes").HasElements.ShouldBeFalse();
        double.Parse((string)Case("FailsShouldly").Attribute("time")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [Test]
    public void Merge_ScenarioRecord_IsAttached_AndItsOwnClassificationWins()
    {
        // Given the TRX outcomes and a record the Throws scenario wrote (it saw a failed check before the exception)
        var record = new ScenarioRecord("Sample.Scenarios.CheckScenario.Throws", "checkscenario-throws", TimeSpan.FromSeconds(3),
            [TimeSpan.FromMilliseconds(2)], [CheckResult.Fail("OrderedCreation", "web-1 created before web-0 Ready")], ["a note"],
            new TestFailure(FailureKind.Violation, "OrderedCreation: web-1 created before web-0 Ready"));
        ScenarioRecordJson.Write(dir, record);

        // When
        var merged = RunResults.Merge(TrxReader.Read(RecordedResults.TrxPath), ScenarioRecordJson.ReadAll(dir));

        // Then the record (read back from its file) is attached and its classification is used
        var throws = merged.Single(o => o.Name == "Throws");
        throws.Scenario!.Checks.Single().Message.ShouldBe("web-1 created before web-0 Ready");
        throws.Failure!.Kind.ShouldBe(FailureKind.Violation);
        merged.Single(o => o.Name == "Passes").Scenario.ShouldBeNull();
    }
}
