using System.Text.Json;
using ConformanceKit.Scenarios.ClockOffset;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

public sealed class ServerClockReportTests
{
    private string dir = "";

    [SetUp]
    public void CreateDirectory() => dir = Directory.CreateTempSubdirectory("ck-clock-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(dir, recursive: true);

    [Test]
    public void ServerClockAhead_HeaderShowsTheBound_AndThePageAndSummaryCarryTheWarning()
    {
        // Given a run whose API server's clock was measured 0.23 s to 0.31 s ahead of ours
        var header = Header(new ClockOffsetBound(0.23, 0.31, 412));

        // When the run files are written
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [Passed()], header));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));

        // Then the header row shows the bound, one warning line names it, and summary.json has both for machines
        html.ShouldContain("<tr><th>API server clock</th><td>+0.23 s … +0.31 s from this machine (n=412)</td></tr>");
        html.Split("class=\"warning\">warning: the timing checks assume").Length.ShouldBe(2);
        var clock = summary.RootElement.GetProperty("run").GetProperty("serverClock");
        (clock.GetProperty("lowSeconds").GetDouble(), clock.GetProperty("highSeconds").GetDouble()).ShouldBe((0.23, 0.31));
        (clock.GetProperty("samples").GetInt32(), clock.GetProperty("restarts").GetInt32()).ShouldBe((412, 0));
        clock.GetProperty("warning").GetString().ShouldBe(header.ServerClock!.Warning);
    }

    [Test]
    public void ServerClockAgreeing_HeaderShowsTheBound_WithoutAWarning()
    {
        // Given a run whose clocks were measured to agree within 12 ms
        var header = Header(new ClockOffsetBound(-0.004, 0.008, 3000));

        // When the run files are written
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [Passed()], header));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));

        // Then the bound is shown and nothing warns
        html.ShouldContain("-0.01 s … +0.01 s from this machine (n=3000)");
        html.ShouldNotContain("warning:");
        summary.RootElement.GetProperty("run").GetProperty("serverClock").TryGetProperty("warning", out _).ShouldBeFalse();
    }

    [Test]
    public void ServerClockNotMeasured_HeaderSaysSo_NotZero()
    {
        // Given a run header without a measurement
        var header = Header(null);

        // When the page is written
        var html = File.ReadAllText(ReportWriter.WriteIndex(dir, [Passed()], header));

        // Then the row says it was not measured
        html.ShouldContain("<tr><th>API server clock</th><td>not measured</td></tr>");
        html.ShouldNotContain("warning:");
    }

    [Test]
    public void RunJson_KeepsTheBound_FromTheSuiteToCkReport()
    {
        // Given the header the suite writes at the end, with a bound measured anew once
        var header = Header(new ClockOffsetBound(-2.4123, -2.3871, 57, 1));

        // When run.json is written and read back
        RunHeaderJson.Write(dir, header);
        var read = RunHeaderJson.Read(dir);

        // Then the bound is the same
        read.ShouldNotBeNull().ServerClock.ShouldBe(header.ServerClock);
    }

    private static RunHeader Header(ClockOffsetBound? clock) => new()
    {
        RunId = "ck-clock",
        Target = "existing cluster https://10.1.2.3:6443/",
        Start = Hand.T0,
        ServerClock = clock,
    };

    private static ScenarioReport Passed() =>
        new("A.B", ScenarioResult.Passed, TimeSpan.FromSeconds(4), [], Hand.OrderedLifecycle(), [], []);
}
