using System.Diagnostics;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// How run-tests.sh ends a suite run: with ck report's closing line and exit code, or, when interrupted, with the
/// line the test host left and a non-zero exit. Run against stand-in <c>dotnet</c> and <c>ck</c> programs.
/// </summary>
public sealed class RunTestsEndingTests
{
    private string folder = "";

    [SetUp]
    public void CreateStandIns()
    {
        folder = Directory.CreateTempSubdirectory("ck-ending-").FullName;
        // The stand-in suite either ends at once, or says it started and runs until SIGTERM, when it writes the
        // note the real test host writes after its cleanup (and ends its sleep). The sleep never holds the output:
        // under load a signal can reach the group while the sleep is being started, and a sleep that survives it
        // would keep the pipe open for its whole minute (seen once in a full self-test run).
        RunTestsScript.WriteStandIn(Path.Combine(folder, "path", "dotnet"), """
            [ "$1" = test ] || exit 0
            printf '%s\n' "$@" > "$CK_TEST_OUT/suite-args"
            sed -n 's/^SigIgn:[[:space:]]*//p' /proc/self/status > "$CK_TEST_OUT/suite-ignored-signals"
            if [ "${CK_TEST_SUITE:-}" = hang ]; then
              trap 'echo "interrupted by SIGTERM: removed namespaces ck-a-1, ck-b-2" > "$CK_INTERRUPT_NOTE"; kill $! 2>/dev/null; exit 143' TERM
              echo "suite started"
              sleep 60 >/dev/null 2>&1 & wait $!
            fi
            # A suite ended by the signal without a note: its host had written its pid (announced) or not yet.
            if [ "${CK_TEST_SUITE:-}" = silent ] || [ "${CK_TEST_SUITE:-}" = silent-announced ]; then
              [ "$CK_TEST_SUITE" = silent-announced ] && echo $$ > "$CK_SIGNAL_PID_FILE"
              trap 'kill $! 2>/dev/null; exit 143' TERM
              echo "suite started"
              sleep 60 >/dev/null 2>&1 & wait $!
            fi
            exit "${CK_TEST_SUITE_EXIT:-0}"
            """);
        RunTestsScript.WriteStandIn(RunTestsScript.CkPath(folder), """
            if [ "$1" = report ]; then
              printf '%s\n' "$@" > "$CK_TEST_OUT/report-args"
              echo "report: $5/index.html"
              echo "2 passed, 1 failed, 0 skipped"
              exit 1
            fi
            [ "${CK_TEST_PREFLIGHT_EXIT:-0}" = 0 ] && exit 0
            echo "ck: the API server https://127.0.0.1:1 refused the connection" >&2
            exit "$CK_TEST_PREFLIGHT_EXIT"
            """);
    }

    [TearDown]
    public void DeleteStandIns() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task FinishedSuite_EndsWithTheReportsClosingLine_AndItsExitCode()
    {
        // Given a suite that ran to its end (exit 0) whose report counts one failure
        // When the script runs
        var (exit, output) = await RunAsync(hang: false);

        // Then ck report got the TRX file and the artifacts folder, its closing line is the last line, and the
        // script fails because a test failed
        var args = File.ReadAllLines(Path.Combine(folder, "out", "report-args"));
        args[..2].ShouldBe(["report", "--trx"]);
        args[2].ShouldEndWith("ConformanceKit.Conformance.trx");
        args[3..5].ShouldBe(["--artifacts", Path.Combine(folder, "artifacts")]);
        output.TrimEnd().Split('\n')[^1].ShouldBe("2 passed, 1 failed, 0 skipped");
        exit.ShouldBe(1);
    }

    [Test]
    public async Task Sigterm_WhileTheSuiteRuns_PrintsWhatTheRunRemoved_AndExitsNonZero()
    {
        // Given a suite that runs until it is stopped
        // When the script is sent SIGTERM once the suite has started
        var (exit, output) = await RunAsync(hang: true);

        // Then the test host's note is printed, the exit is 143 (128 + SIGTERM), and no report was made
        output.ShouldContain("interrupted by SIGTERM: removed namespaces ck-a-1, ck-b-2");
        exit.ShouldBe(143);
        File.Exists(Path.Combine(folder, "out", "report-args")).ShouldBeFalse();
    }

    [Test]
    public async Task Suite_StartsWithCtrlCNotIgnored()
    {
        // Given / When the script starts the suite in the background (where bash would have it ignore SIGINT)
        await RunAsync(hang: false);

        // Then the suite's ignored-signal mask has neither SIGINT (bit 2) nor SIGQUIT (bit 3): the test host can see Ctrl-C
        var mask = Convert.ToUInt64(File.ReadAllText(Path.Combine(folder, "out", "suite-ignored-signals")).Trim(), 16);
        (mask & 0b110).ShouldBe(0UL);
    }

    [Test]
    public async Task Sigterm_BeforeTheTestHostAnnouncedItself_SaysTheRunHadCreatedNothing()
    {
        // Given a suite whose test host has not written its pid yet (still building or loading)
        // When the script is sent SIGTERM
        var (exit, output) = await RunAsync(hang: true, suite: "silent");

        // Then the line says nothing was created, not that leftovers need a sweep
        output.ShouldContain("interrupted by SIGTERM before the test host started: the run had created nothing");
        exit.ShouldBe(143);
    }

    [Test]
    public async Task Control_SigtermToAnAnnouncedHostThatLeftNoNote_SaysASweepRemovesLeftovers()
    {
        // Given a suite whose test host wrote its pid, then ended on the signal without its note
        // When the script is sent SIGTERM
        var (exit, output) = await RunAsync(hang: true, suite: "silent-announced");

        // Then the line does not claim that nothing was created
        output.ShouldContain("interrupted by SIGTERM: the suite ended before it said what it removed; 'ck sweep' removes leftovers");
        output.ShouldNotContain("created nothing");
        exit.ShouldBe(143);
    }

    [Test]
    public async Task RefusedTarget_EndsWithThePreflightsExitCode_AndAReportHoldingItsReason()
    {
        // Given a preflight that refuses the target
        // When the script runs
        var (exit, output) = await RunAsync(hang: false, preflightExit: 1);

        // Then the preflight's line is shown, ck report is handed that reason instead of a TRX file, and the exit
        // is the preflight's
        output.ShouldContain("ck: the API server https://127.0.0.1:1 refused the connection");
        var args = File.ReadAllLines(Path.Combine(folder, "out", "report-args"));
        args[..3].ShouldBe(["report", "--setup-error", "ck: the API server https://127.0.0.1:1 refused the connection"]);
        exit.ShouldBe(1);
    }

    [Test]
    public async Task EarlierReport_IsRemovedBeforeTheRun_AndOtherFilesInTheFolderStay()
    {
        // Given an artifacts folder holding an earlier run's record, SVG, text and index, and a file of the user's
        var artifacts = Directory.CreateDirectory(Path.Combine(folder, "artifacts")).FullName;
        File.WriteAllText(Path.Combine(artifacts, "old-scenario.json"), """{"fullName":"Ns.Old.Test","slug":"old-scenario"}""");
        File.WriteAllText(Path.Combine(artifacts, "old-scenario.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(artifacts, "old-scenario.txt"), "old");
        File.WriteAllText(Path.Combine(artifacts, "index.html"), "old");
        File.WriteAllText(Path.Combine(artifacts, "notes.json"), """{"mine":true}""");
        File.WriteAllText(Path.Combine(artifacts, "notes.txt"), "mine");

        // When the script runs
        await RunAsync(hang: false);

        // Then the earlier report is gone and the user's files are untouched
        Directory.EnumerateFiles(artifacts).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["notes.json", "notes.txt"]);
    }

    [Test]
    public async Task Parallel_ReachesTheSuiteAsNUnitsWorkerCount()
    {
        // Given / When the script runs with --parallel 3
        await RunAsync(hang: false, extra: ["--parallel", "3"]);

        // Then the suite is started with the adapter's NumberOfTestWorkers after the run-settings separator
        var args = File.ReadAllLines(Path.Combine(folder, "out", "suite-args"));
        args[^2..].ShouldBe(["--", "NUnit.NumberOfTestWorkers=3"]);
    }

    private async Task<(int Exit, string Output)> RunAsync(bool hang, int preflightExit = 0, string[]? extra = null, string suite = "hang")
    {
        var start = RunTestsScript.Start(folder, folder, ["--kubeconfig", Path.Combine(folder, "kc.yaml"), .. extra ?? []]);
        start.Environment["CK_ARTIFACTS_DIR"] = Path.Combine(folder, "artifacts");
        start.Environment["CK_TEST_OUT"] = Path.Combine(folder, "out");
        start.Environment["CK_TEST_SUITE"] = hang ? suite : "done";
        start.Environment["CK_TEST_PREFLIGHT_EXIT"] = preflightExit.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        var stdout = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            stdout.AppendLine(line);
            if (hang && line == "suite started")
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync(deadline.Token);
            }
        }

        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, stdout + await stderr);
    }
}
