using System.Diagnostics;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// run-tests.sh hands every setting to ck and to the suite unchanged: run against stand-in <c>dotnet</c> and
/// <c>ck</c> programs that record the CK_* variables they were started with.
/// </summary>
public sealed class RunTestsSettingsTests
{
    private string folder = "";

    [SetUp]
    public void CreateStandIns()
    {
        folder = Directory.CreateTempSubdirectory("ck-script-").FullName;
        var record = "printf '%s\\0' \"$PWD\" \"${CK_KUBECONFIG-unset}\" \"${CK_CONTEXT-unset}\" \"${CK_LOAD_IMAGES-unset}\" \"${CK_CLUSTER-unset}\" \"${CK_KEEP_CLUSTER-unset}\" \"${CK_POD_SECURITY_LEVEL-unset}\"";
        RunTestsScript.WriteStandIn(Path.Combine(folder, "path", "dotnet"), $"case \"$1\" in test) {record} > \"$CK_TEST_OUT/suite\" ;; esac\nexit 0");
        RunTestsScript.WriteStandIn(RunTestsScript.CkPath(folder), $"[ \"$1\" = report ] && exit 0\n{record} > \"$CK_TEST_OUT/ck\"\nexit \"${{CK_TEST_CK_EXIT:-0}}\"");
    }

    [TearDown]
    public void DeleteStandIns() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Values_WithSpacesQuotesAndSemicolons_ReachCkAndTheSuiteUnchanged()
    {
        // Given values a TestRunParameter cannot carry (';' is dropped, '"' ends the value)
        var kubeconfig = Path.Combine(folder, "my configs", "it's \"prod\";v2.yaml");
        const string context = "team \"a\";b";

        // When the script runs with them
        var (exit, _) = await RunAsync(folder, null, "--kubeconfig", kubeconfig, "--context", context, "--load-image", "app:1", "--load-image", "db:2", "--keep-cluster");

        // Then ck and the suite both see each value byte for byte
        exit.ShouldBe(0);
        foreach (var seen in new[] { Recorded("ck"), Recorded("suite") })
        {
            seen[1].ShouldBe(kubeconfig);
            seen[2].ShouldBe(context);
            seen[3].ShouldBe("app:1,db:2");
            seen[4].ShouldBe("kubeconfig");
            seen[5].ShouldBe("true");
        }
    }

    [Test]
    public async Task PodSecurityLevel_ReachesCkAndTheSuiteAsItsVariable()
    {
        // Given --pod-security-level baseline, When the script runs
        var (exit, _) = await RunAsync(folder, null, "--pod-security-level", "baseline");

        // Then ck (which refuses a value that is no level) and the suite both see CK_POD_SECURITY_LEVEL=baseline;
        // without the flag it stays unset (NoTargetFlags_LeaveTheTargetToTheOptions, the control)
        exit.ShouldBe(0);
        Recorded("ck")[6].ShouldBe("baseline");
        Recorded("suite")[6].ShouldBe("baseline");
    }

    [Test]
    public async Task RelativeKubeconfig_IsTheCallersFile_NotOneInTheSuitesFolder()
    {
        // Given a relative path given from the caller's folder
        var caller = Directory.CreateDirectory(Path.Combine(folder, "caller")).FullName;

        // When the script runs from there
        var (exit, _) = await RunAsync(caller, null, "--kubeconfig", "kc.yaml");

        // Then both see the absolute path in the caller's folder, although neither runs there
        exit.ShouldBe(0);
        Recorded("ck")[1].ShouldBe(Path.Combine(caller, "kc.yaml"));
        Recorded("suite")[1].ShouldBe(Path.Combine(caller, "kc.yaml"));
        Recorded("suite")[0].ShouldNotBe(caller);
    }

    [Test]
    public async Task NoTargetFlags_LeaveTheTargetToTheOptions()
    {
        // Given no flags, When the script runs, Then no setting is forced (CK_* from the caller's environment decide)
        var (exit, _) = await RunAsync(folder, null);
        exit.ShouldBe(0);
        Recorded("suite")[1..].ShouldAllBe(v => v == "unset");
    }

    [Test]
    public async Task FailedPreflight_EndsTheRunWithItsExitCode_SuiteNeverStarts()
    {
        // Given a preflight that fails (negative control)
        // When the script runs
        var (exit, _) = await RunAsync(folder, "1", "--kubeconfig", "/nowhere/kc.yaml");

        // Then its exit code is the script's, and the suite did not run
        exit.ShouldBe(1);
        File.Exists(Path.Combine(folder, "out", "ck")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "out", "suite")).ShouldBeFalse();
    }

    private async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string? ckExit, params string[] args)
    {
        var start = RunTestsScript.Start(folder, workingDirectory, args);
        if (ckExit is not null)
        {
            start.Environment["CK_TEST_CK_EXIT"] = ckExit;
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private string[] Recorded(string program) =>
        File.ReadAllText(Path.Combine(folder, "out", program)).Split('\0')[..^1];
}
