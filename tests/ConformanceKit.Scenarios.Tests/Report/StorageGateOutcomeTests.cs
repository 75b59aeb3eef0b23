using System.Xml.Linq;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

public sealed class StorageGateOutcomeTests
{
    private static readonly StorageClassProfile Slow = new("slow-hdd", "example.com/hdd", "Immediate", "Retain", false, false);
    private static readonly StorageClassProfile Fast = new("fast-ssd", "ebs.csi.aws.com", "WaitForFirstConsumer", "Delete", true, true);

    private static TestOutcome Scenario(string className, StorageClassProfile profile, params double[] bindSeconds) =>
        new(className, "Test", ScenarioResult.Passed, TimeSpan.FromSeconds(3), Scenario: new ScenarioRecord($"{className}.Test", "s", TimeSpan.Zero, [], [], [], null)
        {
            Storage = new StorageEvidence(profile,
                [.. bindSeconds.Select((s, i) => new LatencySample(StorageMetric.Bind, profile.Name, $"data-web-{i}", s, ClockSource.Observed, "PVC created → Bound"))],
                [LatencyGate.Bind(5)]),
        });

    [Test]
    public void RunWideGate_ClassOverTheLimitOnlyAcrossScenarios_IsAFailedOutcomeOfItsOwn()
    {
        // Given two passing scenarios per class: slow-hdd's bind samples exceed 5 s at p95 only taken together
        IReadOnlyList<TestOutcome> trx =
        [
            Scenario("Ns.PerPodStorageScenario(slow-hdd)", Slow, 1, 2, 2, 3), Scenario("Ns.ReclaimScenario(slow-hdd)", Slow, 7.4),
            Scenario("Ns.PerPodStorageScenario(fast-ssd)", Fast, 0.4, 0.4, 0.5), Scenario("Ns.ReclaimScenario(fast-ssd)", Fast, 0.6, 0.5),
        ];

        // When the results are merged
        var merged = RunResults.Merge(trx.Select(o => o with { Scenario = null }).ToList(), trx.ToDictionary(o => o.FullName, o => o.Scenario!));

        // Then one outcome per class and gate is added: slow-hdd's fails as a violation with the values, fast-ssd's passes
        var gates = merged.Where(o => o.ClassName.StartsWith("ConformanceKit.StorageGates(", StringComparison.Ordinal)).ToList();
        gates.Select(g => (g.ClassName, g.Result)).ShouldBe(
            [("ConformanceKit.StorageGates(slow-hdd)", ScenarioResult.Failed), ("ConformanceKit.StorageGates(fast-ssd)", ScenarioResult.Passed)], ignoreOrder: true);
        var slow = gates.Single(g => g.Result == ScenarioResult.Failed);
        slow.Name.ShouldBe("bind p95 at most 5 s");
        slow.Failure.ShouldBe(new TestFailure(FailureKind.Violation, "LatencyGate(bind): bind p95 7.4 s > 5 s on class slow-hdd (n=5)"));
        RunCounts.Of(merged).ClosingLine.ShouldBe("5 passed, 1 failed, 0 skipped");
    }

    [Test]
    public void RunWideGate_ClassWithoutSamples_IsAnErrorNotAViolation()
    {
        // Given a class whose scenario measured nothing (e.g. it failed before binding)
        var empty = Scenario("Ns.ReclaimScenario(slow-hdd)", Slow);

        // When merged
        var gate = RunResults.Merge([empty with { Scenario = null }], new Dictionary<string, ScenarioRecord> { [empty.FullName] = empty.Scenario! })
            .Single(o => o.ClassName == "ConformanceKit.StorageGates(slow-hdd)");

        // Then the gate could not be judged: an error
        gate.Failure!.Kind.ShouldBe(FailureKind.Error);
        gate.Failure.Reason.ShouldContain("cannot be judged");
    }

    [Test]
    public void RunWideGate_TwoSamplesWithinTheLimit_IsAnErrorTooFewToGateNeverAPass()
    {
        // Given a class whose two bind samples are both well within the 5 s limit
        var scarce = Scenario("Ns.PerPodStorageScenario(fast-ssd)", Fast, 0.4, 0.5);

        // When merged
        var gate = RunResults.Merge([scarce with { Scenario = null }], new Dictionary<string, ScenarioRecord> { [scarce.FullName] = scarce.Scenario! })
            .Single(o => o.ClassName == "ConformanceKit.StorageGates(fast-ssd)");

        // Then the gate failed as an error that says why; with five samples (control) the same values pass
        gate.Result.ShouldBe(ScenarioResult.Failed);
        gate.Failure!.Kind.ShouldBe(FailureKind.Error);
        gate.Failure.Reason.ShouldContain("too few samples to gate: n = 2");
        var enough = Scenario("Ns.PerPodStorageScenario(fast-ssd)", Fast, 0.4, 0.5, 0.4, 0.5, 0.4);
        RunResults.Merge([enough with { Scenario = null }], new Dictionary<string, ScenarioRecord> { [enough.FullName] = enough.Scenario! })
            .Single(o => o.ClassName == "ConformanceKit.StorageGates(fast-ssd)").Result.ShouldBe(ScenarioResult.Passed);
    }

    [Test]
    public void RunWithoutGates_AddsNoOutcome_SoJUnitCountsEqualTheTrxFile()
    {
        // Given the recorded TRX file (no storage evidence)
        var dir = Directory.CreateTempSubdirectory("ck-gates-").FullName;
        try
        {
            // When the run files are written
            RunResults.Write(RecordedResults.TrxPath, dir);

            // Then junit.xml has exactly the TRX file's tests
            ((int)XDocument.Load(Path.Combine(dir, ReportWriter.JUnitFileName)).Root!.Attribute("tests")!).ShouldBe(TrxReader.Read(RecordedResults.TrxPath).Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
