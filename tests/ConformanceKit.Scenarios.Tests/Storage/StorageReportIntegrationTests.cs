using System.Text.Json;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>Storage evidence travels in the scenario record to index.html's Storage classes section and summary.json.</summary>
public sealed class StorageReportIntegrationTests
{
    private static readonly StorageClassProfile Fast = new("fast-ssd", "ebs.csi.aws.com", "WaitForFirstConsumer", "Delete", true, true);
    private static readonly StorageClassProfile Slow = new("slow-hdd", "example.com/hdd", "Immediate", "Retain", false, false);

    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-storage-report-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    private static ScenarioReport Report(string className, StorageClassProfile profile, params double[] bindSeconds) =>
        new($"{className}.Test", ScenarioResult.Passed, TimeSpan.FromSeconds(30), [], Hand.OrderedLifecycle(), [], [])
        {
            ClassName = className,
            TestName = "Test",
            Storage = new StorageEvidence(profile,
                [.. bindSeconds.Select((s, i) => new LatencySample(StorageMetric.Bind, profile.Name, $"data-web-{i}", s, ClockSource.Observed, "PVC created → Bound"))],
                [LatencyGate.Bind(5)]),
        };

    [Test]
    public void Record_WithStorageEvidence_RoundTripsThroughItsJson()
    {
        // Given a scenario report with evidence on fast-ssd
        var report = Report("ReattachScenario(fast-ssd)", Fast, 0.4, 0.9);

        // When its record is written and read back
        ReportWriter.WriteScenario(dir, report);
        var record = ScenarioRecordJson.ReadAll(dir).Values.ShouldHaveSingleItem();

        // Then the class, the samples and the gate came back
        record.Storage.ShouldNotBeNull();
        record.Storage.Class.ShouldBe(Fast);
        record.Storage.Samples.Select(s => (s.Metric, s.Seconds, s.Clock)).ShouldBe([(StorageMetric.Bind, 0.4, ClockSource.Observed), (StorageMetric.Bind, 0.9, ClockSource.Observed)]);
        record.Storage.Gates.ShouldHaveSingleItem().MaxSeconds.ShouldBe(5);
    }

    [Test]
    public void Index_TwoClassesInTwoScenariosEach_OneRowPerClassAndTheGateOverAllOfAClasssSamples()
    {
        // Given two scenarios per class; slow-hdd's samples exceed the 5 s gate only taken together
        var reports = new[]
        {
            Report("PerPodStorageScenario(fast-ssd)", Fast, 0.4, 0.6, 0.5), Report("ReclaimScenario(fast-ssd)", Fast, 0.5, 0.4),
            Report("PerPodStorageScenario(slow-hdd)", Slow, 1, 2, 2, 3), Report("ReclaimScenario(slow-hdd)", Slow, 7.4),
        };

        // When the run's files are written
        var index = File.ReadAllText(ReportWriter.WriteIndex(dir, reports));

        // Then
        index.ShouldContain("<h2>Storage classes</h2>");
        System.Text.RegularExpressions.Regex.Matches(index, "<tr data-class=").Count.ShouldBe(2);
        index.ShouldContain("bind p95 7.4 s &gt; 5 s on class slow-hdd (n=5)");
        index.ShouldContain("bind p95 0.6 s &lt;= 5 s on class fast-ssd (n=5)");
    }

    [Test]
    public void Summary_CarriesClassesSummariesGatesAndEveryRawSample()
    {
        // Given the same four scenarios
        var reports = new[]
        {
            Report("PerPodStorageScenario(fast-ssd)", Fast, 0.4, 0.6, 0.5), Report("ReclaimScenario(fast-ssd)", Fast, 0.5, 0.4),
            Report("PerPodStorageScenario(slow-hdd)", Slow, 1, 2, 2, 3), Report("ReclaimScenario(slow-hdd)", Slow, 7.4),
        };

        // When
        ReportWriter.WriteIndex(dir, reports);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var storage = summary.RootElement.GetProperty("storage");

        // Then
        storage.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["fast-ssd", "slow-hdd"]);
        storage.GetProperty("samples").GetArrayLength().ShouldBe(10);
        storage.GetProperty("samples")[9].GetProperty("scenario").GetString().ShouldBe("ReclaimScenario(slow-hdd).Test");
        var slow = storage.GetProperty("summaries").EnumerateArray().Single(s => s.GetProperty("class").GetString() == "slow-hdd");
        (slow.GetProperty("n").GetInt32(), slow.GetProperty("p95Seconds").GetDouble(), slow.GetProperty("metric").GetString()).ShouldBe((5, 7.4, "bind"));
        slow.GetProperty("enoughToGate").GetBoolean().ShouldBeTrue();
        storage.GetProperty("gates").EnumerateArray().Select(g => (g.GetProperty("class").GetString(), g.GetProperty("n").GetInt32(), g.GetProperty("passed").GetBoolean(), g.GetProperty("outcome").GetString()))
            .ShouldBe([("fast-ssd", 5, true, "passed"), ("slow-hdd", 5, false, "violation")]);
    }

    [Test]
    public void Summary_ClassWithTwoSamples_ShowsNBesideItsQuantilesAndItsGateAsAnError()
    {
        // Given one class measured twice, both within the gate
        var reports = new[] { Report("ReattachScenario(fast-ssd)", Fast, 0.4, 0.6) };

        // When
        var index = File.ReadAllText(ReportWriter.WriteIndex(dir, reports));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var storage = summary.RootElement.GetProperty("storage");

        // Then n stands beside the quantiles, the summary is marked too small to gate, the gate is an error (never a pass)
        var fast = storage.GetProperty("summaries").EnumerateArray().ShouldHaveSingleItem();
        (fast.GetProperty("n").GetInt32(), fast.GetProperty("enoughToGate").GetBoolean()).ShouldBe((2, false));
        var gate = storage.GetProperty("gates").EnumerateArray().ShouldHaveSingleItem();
        (gate.GetProperty("n").GetInt32(), gate.GetProperty("passed").GetBoolean(), gate.GetProperty("outcome").GetString()).ShouldBe((2, false, "error"));
        gate.GetProperty("message").GetString()!.ShouldStartWith("too few samples to gate: n = 2");
        index.ShouldContain("<td>0.4 / 0.6 / 0.6 (n=2, observed)</td>");
        index.ShouldContain("<span class=\"Failed\">error: too few samples to gate: n = 2");
    }

    [Test]
    public void Summary_WithoutStorageScenarios_HasNoStorageObject()
    {
        // Given a run of one scenario without storage evidence (negative control)
        var report = Report("IdentityScenario", Fast, 1) with { Storage = null };

        // When
        ReportWriter.WriteIndex(dir, [report]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));

        // Then
        summary.RootElement.TryGetProperty("storage", out _).ShouldBeFalse();
        File.ReadAllText(Path.Combine(dir, "index.html")).ShouldNotContain("Storage classes");
    }
}
