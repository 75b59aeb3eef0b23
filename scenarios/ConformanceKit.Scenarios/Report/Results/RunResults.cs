namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The run's final results: every test the TRX file lists, each with the record its scenario wrote (checks, notes,
/// reaction times, and its own classification, which wins over the one read from the failure message).
/// </summary>
public static class RunResults
{
    /// <summary>
    /// Merges the TRX outcomes with the scenario records (by full name), then adds one outcome per run-wide latency
    /// gate and class when the run has gates (see <see cref="StorageGateOutcomes"/>).
    /// </summary>
    public static IReadOnlyList<TestOutcome> Merge(IReadOnlyList<TestOutcome> trx, IReadOnlyDictionary<string, ScenarioRecord> records)
    {
        ArgumentNullException.ThrowIfNull(trx);
        ArgumentNullException.ThrowIfNull(records);
        var merged = MergeRecords(trx, records);
        return [.. merged, .. StorageGateOutcomes.From(merged)];
    }

    private static IReadOnlyList<TestOutcome> MergeRecords(IReadOnlyList<TestOutcome> trx, IReadOnlyDictionary<string, ScenarioRecord> records)
    {
        return [.. trx.Select(o => records.TryGetValue(o.FullName, out var record)
            ? o with
            {
                Scenario = record,
                Failure = o.Result == ScenarioResult.Failed ? record.Failure ?? o.Failure : null,
            }
            : o)];
    }

    /// <summary>Reads the TRX file and the records in <paramref name="artifactsDir"/>, writes the run files; returns the counts.</summary>
    public static (RunCounts Counts, string IndexPath) Write(string trxPath, string artifactsDir)
    {
        var outcomes = Merge(TrxReader.Read(trxPath), ScenarioRecordJson.ReadAll(artifactsDir));
        var index = ReportWriter.WriteRun(artifactsDir, RunHeaderJson.Read(artifactsDir), outcomes);
        return (RunCounts.Of(outcomes), index);
    }

    /// <summary>The run files for a run that never started its suite: one error outcome carrying <paramref name="reason"/>.</summary>
    public static (RunCounts Counts, string IndexPath) WriteSetupError(string reason, string artifactsDir)
    {
        var outcome = new TestOutcome("ConformanceKit.Preflight", "TargetIsUsable", ScenarioResult.Failed, TimeSpan.Zero,
            new TestFailure(FailureKind.Error, "set-up failed: " + reason.Trim()));
        var index = ReportWriter.WriteRun(artifactsDir, RunHeaderJson.Read(artifactsDir), [outcome]);
        return (RunCounts.Of([outcome]), index);
    }
}
