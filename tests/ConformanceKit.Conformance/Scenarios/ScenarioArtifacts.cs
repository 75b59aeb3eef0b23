using System.Collections.Concurrent;
using ConformanceKit.Conformance.Infrastructure;
using ConformanceKit.Scenarios.Report;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// The run's artifacts directory (test parameter ArtifactsDir, else $CK_ARTIFACTS_DIR, else ./artifacts under the
/// test work directory) and the reports the scenarios wrote, for the index page.
/// </summary>
internal static class ScenarioArtifacts
{
    private static readonly ConcurrentQueue<ScenarioReport> Reports = new();

    public static string Directory =>
        TestContext.Parameters.Get("ArtifactsDir")
        ?? Environment.GetEnvironmentVariable("CK_ARTIFACTS_DIR")
        ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts");

    public static string Write(ScenarioReport report)
    {
        Reports.Enqueue(report);
        return ReportWriter.WriteScenario(Directory, report);
    }

    /// <summary>
    /// Stamps the run header's end and the API server's clock as measured over the whole run, and writes the run files
    /// from the reports collected in this process.
    /// </summary>
    public static string? WriteIndex()
    {
        var header = RunHeaderJson.Read(Directory) is { } h
            ? h with { End = DateTimeOffset.UtcNow, ServerClock = ConformanceRun.Current?.Client.ServerClock ?? h.ServerClock }
            : null;
        if (header is not null)
        {
            RunHeaderJson.Write(Directory, header);
        }

        return Reports.IsEmpty ? null : ReportWriter.WriteIndex(Directory, [.. Reports], header);
    }
}
