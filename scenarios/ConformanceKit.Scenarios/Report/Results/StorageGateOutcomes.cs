using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The run-wide latency gates as outcomes of their own, one per gate and class, named
/// <c>ConformanceKit.StorageGates(&lt;class&gt;).&lt;gate&gt;</c>: each storage scenario gates its own samples, and only
/// the run's report sees every sample of a class at once. A p95 over the limit is a violation; a gate with fewer than
/// <see cref="LatencyGate.MinimumSamples"/> samples of its class (too few asked for with --samples, or every scenario
/// that would have measured it failed or was skipped) is an error, never a pass.
/// </summary>
internal static class StorageGateOutcomes
{
    public static IReadOnlyList<TestOutcome> From(IReadOnlyList<TestOutcome> outcomes)
    {
        var evidence = outcomes.Select(o => o.Scenario?.Storage).OfType<StorageEvidence>().ToList();
        if (evidence.Count == 0)
        {
            return [];
        }

        return [.. StorageRunEvidence.From(evidence).GateResults().Select(g =>
        {
            var name = $"{g.Gate.Label} p95 at most {LatencySample.FormatSeconds(g.Gate.MaxSeconds)} s";
            var record = new ScenarioRecord($"ConformanceKit.StorageGates({g.StorageClass}).{name}", "", TimeSpan.Zero, [], [g.Result], [], null);
            var failure = g.Result.Passed ? null
                : new TestFailure(g.TooFewSamples ? FailureKind.Error : FailureKind.Violation, $"{g.Result.Check}: {g.Result.Message}");
            return new TestOutcome($"ConformanceKit.StorageGates({g.StorageClass})", name,
                g.Result.Passed ? ScenarioResult.Passed : ScenarioResult.Failed, TimeSpan.Zero, failure, Scenario: record with { Failure = failure });
        })];
    }
}
