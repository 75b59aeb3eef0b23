using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ConformanceKit.Fixtures.Tests.Cli;

namespace ConformanceKit.Fixtures.Tests.Interrupt;

/// <summary>
/// run-tests.sh started as a terminal starts it (its own process group, SIGINT not ignored), against a stand-in
/// <c>ck</c> and a <c>dotnet</c> that runs the real <c>dotnet test</c> on the slow suite in place of the conformance
/// project. The slow suite records what it "creates" and removes in <see cref="Registry"/>.
/// </summary>
internal sealed class SlowSuiteRun : IDisposable
{
    private readonly Process script;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private SlowSuiteRun(string folder, Process script)
    {
        Registry = Path.Combine(folder, "registry");
        this.script = script;
        stdout = script.StandardOutput.ReadToEndAsync();
        stderr = script.StandardError.ReadToEndAsync();
    }

    public string Registry { get; }

    public static string Project([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "SlowSuite", "SlowSuite.csproj");

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Environment.ProcessPath!;

    /// <summary>Starts the run; <paramref name="stuckCleanup"/>: the suite's cleanup never finishes.</summary>
    public static SlowSuiteRun Start(string folder, string buildDir, bool stuckCleanup)
    {
        RunTestsScript.WriteStandIn(Path.Combine(folder, "path", "dotnet"), """
            # run-tests.sh builds ck (the stand-in is there already) and runs the conformance project: run the slow
            # suite instead, with the real dotnet test, in this same process (exec keeps the pid run-tests.sh waits on).
            [ "$1" = test ] || exit 0
            shift 2
            CK_BUILD_DIR="$CK_TEST_SLOW_BUILD_DIR" MSBUILDDISABLENODEREUSE=1 exec "$CK_TEST_REAL_DOTNET" test "$CK_TEST_SLOW_SUITE" --no-build "$@"
            """);
        RunTestsScript.WriteStandIn(RunTestsScript.CkPath(folder), "exit 0");
        var start = RunTestsScript.Start(folder, folder, ["--kubeconfig", Path.Combine(folder, "kc.yaml"), "--results", Path.Combine(folder, "results")]);
        // A terminal starts the script in the foreground with SIGINT at its default; a background command of a
        // script (or a process that ignores SIGINT) would pass "ignored" on, and bash cannot trap an ignored signal.
        var args = start.ArgumentList.ToList();
        start.FileName = "env";
        start.ArgumentList.Clear();
        foreach (var arg in (string[])["--default-signal=INT,QUIT", "setsid", "bash", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CK_ARTIFACTS_DIR"] = Path.Combine(folder, "artifacts");
        start.Environment["CK_TEST_REAL_DOTNET"] = Dotnet;
        start.Environment["CK_TEST_SLOW_SUITE"] = Project();
        start.Environment["CK_TEST_SLOW_BUILD_DIR"] = buildDir;
        start.Environment["CK_TEST_REGISTRY"] = Path.Combine(folder, "registry");
        start.Environment["CK_TEST_STUCK_CLEANUP"] = stuckCleanup ? "true" : "false";
        return new SlowSuiteRun(folder, Process.Start(start)!);
    }

    /// <summary>The registry's lines starting with <paramref name="verb"/>, without it.</summary>
    public IReadOnlyList<string> Lines(string verb) =>
        File.Exists(Registry)
            ? [.. File.ReadAllLines(Registry).Where(l => l.StartsWith(verb + " ", StringComparison.Ordinal)).Select(l => l[(verb.Length + 1)..]).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Waits until the registry holds <paramref name="count"/> lines starting with <paramref name="verb"/>.</summary>
    public async Task WaitForAsync(string verb, int count, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (Lines(verb).Count < count)
        {
            if (script.HasExited)
            {
                Assert.Fail($"run-tests.sh ended (exit {script.ExitCode}) before the suite recorded {count} '{verb}':\n{await stdout}{await stderr}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>Sends the signal to the script's process group, as a terminal's Ctrl-C or a CI job's cancel does.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + script.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0);
    }

    /// <summary>Waits for the script's end; returns its exit code and output.</summary>
    public async Task<(int Exit, string Output)> EndAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        await script.WaitForExitAsync(deadline.Token);
        return (script.ExitCode, await stdout + await stderr);
    }

    /// <summary>Whether the test host recorded in the registry still runs (a zombie counts as gone).</summary>
    public bool HostRuns()
    {
        var host = Lines("host").Single();
        var stat = Path.Combine("/proc", host, "stat");
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Ends whatever of the run is left when a test failed halfway: the script's group and the suite's.</summary>
    public void Dispose()
    {
        var groups = new List<string>();
        if (!script.HasExited)
        {
            groups.Add(script.Id.ToString(CultureInfo.InvariantCulture));
        }

        if (Lines("host") is [var host] && HostRuns())
        {
            var text = File.ReadAllText(Path.Combine("/proc", host, "stat"));
            groups.Add(text[(text.LastIndexOf(')') + 2)..].Split(' ')[2]);
        }

        foreach (var group in groups)
        {
            using var kill = Process.Start("kill", ["-KILL", "--", "-" + group]);
            kill.WaitForExit();
        }

        script.Dispose();
    }
}
