using System.Diagnostics;
using ConformanceKit.Fixtures.Tests.Cli;

namespace ConformanceKit.Fixtures.Tests.Interrupt;

/// <summary>
/// Ctrl-C and SIGTERM on a real test host: run-tests.sh runs the real dotnet test on a suite of three tests that each
/// "create" a namespace and wait two minutes on the run token (the ShutdownCleanup the conformance suite uses), and
/// the script's process group is signalled as a terminal or a CI job does.
/// </summary>
[NonParallelizable]
public sealed class InterruptedSuiteTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(10);
    private string buildDir = "";
    private string folder = "";

    [OneTimeSetUp]
    public async Task BuildTheSlowSuiteAsync()
    {
        // The slow suite builds where this project was built (CK_BUILD_DIR or the repository's .build), so only the
        // suite itself is compiled; once for all the tests.
        buildDir = Environment.GetEnvironmentVariable("CK_BUILD_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SlowSuiteRun.Project())!, "..", "..", "..", "..", ".build"));
        var build = new ProcessStartInfo(SlowSuiteRun.Dotnet, ["build", SlowSuiteRun.Project(), "--nologo", "-v", "q", "--disable-build-servers"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        build.Environment["CK_BUILD_DIR"] = buildDir;
        var (exit, output) = await ChildProcess.RunAsync(build, TimeSpan.FromMinutes(5));
        exit.ShouldBe(0, output);
    }

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ck-interrupt-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase("INT", 130)]
    [TestCase("TERM", 143)]
    public async Task Signal_WhileThreeTestsWait_CancelsThem_RemovesTheirNamespaces_AndEndsWithinTenSeconds(string signal, int code)
    {
        // Given a run whose three tests have each created a namespace and wait on the run token
        using var run = SlowSuiteRun.Start(folder, buildDir, stuckCleanup: false);
        await run.WaitForAsync("waiting", 3, StartLimit);
        var created = run.Lines("created");

        // When the script's process group gets the signal
        var clock = Stopwatch.StartNew();
        await run.SignalAsync(signal);
        var (exit, output) = await run.EndAsync(TimeSpan.FromMinutes(1));
        var elapsed = clock.Elapsed;
        TestContext.Progress.WriteLine($"SIG{signal}: run-tests.sh ended {elapsed.TotalSeconds:0.00} s after the signal, exit {exit}");

        // Then every test was cancelled, every namespace deleted, the line names them, the exit code is the signal's,
        // all within 10 s, and the test host is gone
        run.Lines("cancelled").ShouldBe(created);
        run.Lines("deleted").ShouldBe(created);
        output.ShouldContain($"interrupted by SIG{signal}: removed namespaces {string.Join(", ", created)}");
        exit.ShouldBe(code);
        elapsed.ShouldBeLessThan(Promise);
        run.HostRuns().ShouldBeFalse();
    }

    [Test]
    public async Task SecondCtrlC_WhileTheCleanupHangs_EndsAtOnce_AndNamesTheSweep()
    {
        // Given a run whose cleanup does not finish (a cluster that stopped answering), already interrupted once
        using var run = SlowSuiteRun.Start(folder, buildDir, stuckCleanup: true);
        await run.WaitForAsync("waiting", 3, StartLimit);
        await run.SignalAsync("INT");
        await run.WaitForAsync("cleanup", 1, Promise);

        // When Ctrl-C comes again
        var clock = Stopwatch.StartNew();
        await run.SignalAsync("INT");
        var (exit, output) = await run.EndAsync(TimeSpan.FromMinutes(1));
        var elapsed = clock.Elapsed;
        TestContext.Progress.WriteLine($"second SIGINT: run-tests.sh ended {elapsed.TotalSeconds:0.00} s after it, exit {exit}");

        // Then the script ends at once with 130, says the next run's sweep removes the rest, claims no removal, and
        // the test host is gone
        output.ShouldContain("interrupted by SIGINT again: stopped at once, without waiting for the cleanup; the next run's sweep (or 'ck sweep') removes what is left");
        output.ShouldNotContain("removed namespaces");
        exit.ShouldBe(130);
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        run.Lines("deleted").ShouldBeEmpty();
        run.HostRuns().ShouldBeFalse();
    }

    [Test]
    public async Task Control_CleanupThatCannotFinish_GivesNoRemovalLine_AndStillEndsWithinTenSeconds()
    {
        // Given a run whose cleanup never finishes (a cluster that stopped answering)
        using var run = SlowSuiteRun.Start(folder, buildDir, stuckCleanup: true);
        await run.WaitForAsync("waiting", 3, StartLimit);

        // When Ctrl-C comes once
        var clock = Stopwatch.StartNew();
        await run.SignalAsync("INT");
        var (exit, output) = await run.EndAsync(TimeSpan.FromMinutes(1));
        var elapsed = clock.Elapsed;
        TestContext.Progress.WriteLine($"control: run-tests.sh ended {elapsed.TotalSeconds:0.00} s after SIGINT, exit {exit}");

        // Then the line the other tests require is absent (the script says the suite ended before naming anything),
        // and the host's signal limit still ends the run within 10 s
        output.ShouldNotContain("removed namespaces");
        output.ShouldContain("interrupted by SIGINT: the suite ended before it said what it removed; 'ck sweep' removes leftovers");
        run.Lines("deleted").ShouldBeEmpty();
        exit.ShouldBe(130);
        elapsed.ShouldBeLessThan(Promise);
        run.HostRuns().ShouldBeFalse();
    }
}
