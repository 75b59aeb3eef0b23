using ConformanceKit.Scenarios.Report;

namespace ConformanceKit.Cli;

/// <summary>
/// <c>ck report --trx FILE --artifacts DIR</c>: the run's one report from the TRX results and the scenarios' records
/// (index.html, summary.json, junit.xml), then where it is, how failures split, and the closing line
/// <c>N passed, N failed, N skipped</c>. Exit 0 only when nothing failed. With <c>--setup-error TEXT</c> instead of a
/// TRX file (the preflight refused the target), the report holds that one error, so a CI gate still finds junit.xml.
/// When the run measured the API server's clock apart from ours, one warning line says so before the closing line.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? trx = null, artifacts = null, setupError = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new CliUsageException($"flag '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--trx": trx = value; break;
                case "--artifacts": artifacts = value; break;
                case "--setup-error": setupError = value; break;
                default: throw new CliUsageException($"unknown flag '{args[i]}' for 'ck report'; use --trx FILE --artifacts DIR.");
            }

            i++;
        }

        if (artifacts is null || (trx is null) == (setupError is null))
        {
            throw new CliUsageException("'ck report' needs --artifacts DIR (the report folder) and either --trx FILE (the suite's TRX results) or --setup-error TEXT.");
        }

        if (trx is not null && !File.Exists(trx))
        {
            throw new InvalidOperationException($"the suite wrote no results file '{trx}': it did not run to the end (see its output above).");
        }

        var (counts, index) = trx is not null ? RunResults.Write(trx, artifacts) : RunResults.WriteSetupError(setupError!, artifacts);
        await output.WriteLineAsync($"report: {index}").ConfigureAwait(false);
        await output.WriteLineAsync($"junit: {Path.Combine(artifacts, ReportWriter.JUnitFileName)}").ConfigureAwait(false);
        if (RunHeaderJson.Read(artifacts)?.ServerClock?.Warning is { } clock)
        {
            await output.WriteLineAsync($"warning: {clock}").ConfigureAwait(false);
        }

        if (counts.Failed > 0)
        {
            await output.WriteLineAsync($"failed: {counts.Violations} violation(s) (the cluster broke a promise), {counts.Errors} error(s) (the harness could not observe)").ConfigureAwait(false);
        }

        await output.WriteLineAsync(counts.ClosingLine).ConfigureAwait(false);
        return counts.Failed == 0 ? CkCommand.Ok : CkCommand.Failed;
    }
}
