using ConformanceKit.Scenarios.ClockOffset;
using ConformanceKit.Scenarios.Report;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>`ck report` ends a run whose API server's clock was measured apart from ours with one warning line.</summary>
public sealed class ReportClockWarningTests
{
    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-report-clock-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    [Test]
    public async Task ServerClockAhead_ReportPrintsOneWarningNamingTheBound_BeforeTheClosingLine()
    {
        // Given a run header whose API server's clock was measured 0.23 s to 0.31 s ahead
        var bound = new ClockOffsetBound(0.23, 0.31, 412);
        RunHeaderJson.Write(dir, Header(bound));

        // When ck report writes the run's report (here for a run the preflight refused)
        var (_, stdout, stderr) = await CkProcess.RunAsync(null, "report", "--setup-error", "the target refused", "--artifacts", dir);

        // Then one warning line names the assumption and the bound, and the closing line stays last
        var lines = stdout.TrimEnd().Split('\n');
        lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ShouldBe([$"warning: {bound.Warning}"], stderr);
        lines.Single(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ShouldContain("+0.23 s … +0.31 s from this machine (n=412)");
        lines[^1].ShouldBe("0 passed, 1 failed, 0 skipped");
    }

    [Test]
    public async Task ServerClockAgreeing_ReportPrintsNoWarning()
    {
        // Given a run header whose clocks were measured to agree within 12 ms
        RunHeaderJson.Write(dir, Header(new ClockOffsetBound(-0.004, 0.008, 3000)));

        // When ck report writes the run's report
        var (_, stdout, stderr) = await CkProcess.RunAsync(null, "report", "--setup-error", "the target refused", "--artifacts", dir);

        // Then no line warns
        stdout.ShouldContain("0 passed, 1 failed, 0 skipped", customMessage: stderr);
        stdout.ShouldNotContain("warning:");
    }

    private static RunHeader Header(ClockOffsetBound bound) => new()
    {
        RunId = "ck-clock",
        Target = "existing cluster https://10.1.2.3:6443/",
        Start = DateTimeOffset.UtcNow,
        ServerClock = bound,
    };
}
