namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// <c>./run-tests.sh workload</c>: the user's files checked by ck first (the real ck for bad input), then only the
/// Workload category, with the files, name and image map as CK_* variables; the other modes never run that category.
/// </summary>
public sealed class WorkloadModeScriptTests
{
    private string folder = "";

    [SetUp]
    public void CreateStandIns()
    {
        folder = Directory.CreateTempSubdirectory("ck-workload-").FullName;
        var record = "printf '%s\\0' \"${CK_WORKLOAD_MANIFEST-unset}\" \"${CK_WORKLOAD_NAME-unset}\" \"${CK_WORKLOAD_IMAGE_MAP-unset}\" \"$@\"";
        RunTestsScript.WriteStandIn(Path.Combine(folder, "path", "dotnet"), $"case \"$1\" in test) {record} > \"$CK_TEST_OUT/suite\" ;; esac\nexit 0");

        // ck: 'workload' is the real ck when CK_TEST_REAL_CK names it, else recorded; every call is logged in order
        RunTestsScript.WriteStandIn(RunTestsScript.CkPath(folder),
            "echo \"$1\" >> \"$CK_TEST_OUT/calls\"\n" +
            "if [ \"$1\" = workload ]; then\n" +
            "  [ -n \"${CK_TEST_REAL_CK:-}\" ] && exec \"$CK_TEST_DOTNET\" \"$CK_TEST_REAL_CK\" \"$@\"\n" +
            $"  {record} > \"$CK_TEST_OUT/validate\"\nfi\nexit 0");
    }

    [TearDown]
    public void DeleteStandIns() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Workload_FilesNameAndMap_AreValidatedFirst_ThenOnlyTheWorkloadCategoryRuns()
    {
        // Given relative manifest paths from the caller's folder, a set name, two image entries and a filter of the caller's
        var caller = Directory.CreateDirectory(Path.Combine(folder, "caller")).FullName;

        // When
        var (exit, output) = await RunAsync(caller, null, "workload", "--kubeconfig", "/tmp/kc", "--workload-manifest", "svc.yaml",
            "--workload-manifest", "/abs/sts.yaml", "--workload-name", "web", "--workload-image-map", "redis:6.2=r.local/redis:6.2",
            "--workload-image-map", "nginx=r.local/nginx", "--filter", "Name~Dns");

        // Then ck validated the same flags with absolute paths before the preflight ...
        exit.ShouldBe(0, output);
        var files = $"{Path.Combine(caller, "svc.yaml")},/abs/sts.yaml";
        Recorded("validate")[3..].ShouldBe(["workload", "validate", "--workload-manifest", Path.Combine(caller, "svc.yaml"), "--workload-manifest", "/abs/sts.yaml",
            "--workload-name", "web", "--workload-image-map", "redis:6.2=r.local/redis:6.2", "--workload-image-map", "nginx=r.local/nginx"]);
        Calls().ShouldBe(["workload", "preflight", "report"]);

        // ... and the suite got the three variables and the Workload category around the caller's filter
        var suite = Recorded("suite");
        suite[..3].ShouldBe([files, "web", "redis:6.2=r.local/redis:6.2,nginx=r.local/nginx"]);
        suite[Array.IndexOf(suite, "--filter") + 1].ShouldBe("TestCategory=Workload&(Name~Dns)");
    }

    [TestCase("missing.yaml", "no such file")]
    [TestCase("no-set.yaml", "no StatefulSet in the files")]
    public async Task Workload_BadFiles_EndInCksOneLineAndExitTwo_BeforeAnyClusterIsTouched(string file, string problem)
    {
        // Given the real ck, and a file that is missing or holds only a ConfigMap
        File.WriteAllText(Path.Combine(folder, "no-set.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");

        // When
        var (exit, output) = await RunAsync(folder, CkProcess.Path, "workload", "--kubeconfig", "/tmp/kc", "--workload-manifest", file);

        // Then ck's one line naming the file and the problem, exit 2; no preflight, no suite
        exit.ShouldBe(2, output);
        var line = output.Trim().Split('\n').ShouldHaveSingleItem(output);
        line.ShouldContain(Path.Combine(folder, file));
        line.ShouldContain(problem);
        Calls().ShouldBe(["workload"]);
        File.Exists(Path.Combine(folder, "out", "suite")).ShouldBeFalse();
    }

    [Test]
    public async Task Workload_GoodExample_PassesTheRealValidation_AndTheSuiteRuns()
    {
        // Given the real ck and a seed example (negative control of the test above: good input goes on)
        var file = Path.Combine(RunTestsScript.RepositoryRoot(), "manifests", "examples", "sfs-test01.yaml");

        // When
        var (exit, output) = await RunAsync(folder, CkProcess.Path, "workload", "--kubeconfig", "/tmp/kc", "--workload-manifest", file);

        // Then the summary is printed and the suite ran with the file
        exit.ShouldBe(0, output);
        output.ShouldContain("workload: StatefulSet sfs-test01");
        Calls().ShouldBe(["workload", "preflight", "report"]);
        Recorded("suite")[0].ShouldBe(file);
    }

    [TestCase("--workload-manifest", "sts.yaml")]
    [TestCase("--workload-name", "web")]
    [TestCase("--workload-image-map", "a=b")]
    public async Task WorkloadFlag_OutsideTheWorkloadMode_IsRefusedInOneLine(string flag, string value)
    {
        // Given / When a workload flag on the plain suite
        var (exit, output) = await RunAsync(folder, null, "--kubeconfig", "/tmp/kc", flag, value);

        // Then
        exit.ShouldBe(2);
        output.Trim().ShouldBe($"run-tests.sh: flag '{flag}' is for the workload mode: ./run-tests.sh workload --workload-manifest FILE ... (see --help)");
        File.Exists(Path.Combine(folder, "out", "calls")).ShouldBeFalse();
    }

    [Test]
    public async Task Storage_NeverRunsTheWorkloadCategory()
    {
        // Given / When the storage entry
        var (exit, _) = await RunAsync(folder, null, "storage", "--kubeconfig", "/tmp/kc");

        // Then its filter selects Storage alone, and no workload validation ran
        exit.ShouldBe(0);
        var suite = Recorded("suite");
        suite[Array.IndexOf(suite, "--filter") + 1].ShouldBe("TestCategory=Storage");
        Calls().ShouldBe(["preflight", "report"]);
    }

    private async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string? realCk, params string[] args)
    {
        var start = RunTestsScript.Start(folder, workingDirectory, args);
        if (realCk is not null)
        {
            start.Environment["CK_TEST_REAL_CK"] = realCk;
            start.Environment["CK_TEST_DOTNET"] = RealDotnet();
        }

        var result = await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(60));
        TestContext.Out.WriteLine(result.Output);
        return result;
    }

    // The dotnet on the caller's PATH: the script's PATH starts with the stand-in of the same name.
    private static string RealDotnet() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet")).First(File.Exists);

    private string[] Recorded(string program) => File.ReadAllText(Path.Combine(folder, "out", program)).Split('\0')[..^1];

    private string[] Calls() => File.ReadAllLines(Path.Combine(folder, "out", "calls"));
}
