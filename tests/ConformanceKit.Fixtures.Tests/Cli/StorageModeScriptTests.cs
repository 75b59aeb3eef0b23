namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary><c>./run-tests.sh storage</c>: the suite restricted to the storage category, several classes as one comma list.</summary>
public sealed class StorageModeScriptTests
{
    private string folder = "";

    [SetUp]
    public void CreateStandIns()
    {
        folder = Directory.CreateTempSubdirectory("ck-storage-").FullName;
        var record = "printf '%s\\0' \"${CK_STORAGE_CLASS-unset}\" \"${CK_SCALE_TO-unset}\" \"${CK_MAX_BIND_SECONDS-unset}\" \"${CK_MAX_REATTACH_SECONDS-unset}\" \"${CK_SAMPLES-unset}\" \"$@\"";
        RunTestsScript.WriteStandIn(Path.Combine(folder, "path", "dotnet"), $"case \"$1\" in test) {record} > \"$CK_TEST_OUT/suite\" ;; esac\nexit 0");
        RunTestsScript.WriteStandIn(RunTestsScript.CkPath(folder), "exit 0");
    }

    [TearDown]
    public void DeleteStandIns() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Storage_TwoClassesAndGates_RunOnlyTheStorageCategoryWithEveryClass()
    {
        // Given the storage entry with two classes, a scale target, both gates and a filter of the caller's
        // When
        var exit = await RunAsync("storage", "--kubeconfig", "/tmp/kc", "--storage-class", "fast-ssd", "--storage-class", "slow-hdd",
            "--scale-to", "8", "--max-bind-seconds", "5", "--max-reattach-seconds", "20", "--filter", "Name~Reattach");

        // Then the suite sees the classes as one comma list, the settings, and the storage category filter around the caller's
        exit.ShouldBe(0);
        var seen = Recorded();
        seen[..5].ShouldBe(["fast-ssd,slow-hdd", "8", "5", "20", "unset"]);
        seen[(Array.IndexOf(seen, "--filter") + 1)].ShouldBe("TestCategory=Storage&(Name~Reattach)");
    }

    [Test]
    public async Task Storage_Samples_ReachesTheSuiteAsCkSamples()
    {
        // Given the storage entry asking for 20 samples per class
        // When
        var exit = await RunAsync("storage", "--kubeconfig", "/tmp/kc", "--storage-class", "fast-ssd", "--storage-class", "slow-hdd", "--samples", "20");

        // Then
        exit.ShouldBe(0);
        Recorded()[4].ShouldBe("20");
    }

    [Test]
    public async Task Suite_WithoutTheStorageEntry_RunsEverythingWithOneClass()
    {
        // Given the plain suite with one class (negative control: the storage category filter is not added)
        // When
        var exit = await RunAsync("--kubeconfig", "/tmp/kc", "--storage-class", "fast-ssd");

        // Then every category but the user's workload's runs
        exit.ShouldBe(0);
        var seen = Recorded();
        seen[0].ShouldBe("fast-ssd");
        seen[(Array.IndexOf(seen, "--filter") + 1)].ShouldBe("TestCategory!=Workload");
    }

    private async Task<int> RunAsync(params string[] args)
    {
        var (exit, output) = await ChildProcess.RunAsync(RunTestsScript.Start(folder, folder, args), TimeSpan.FromSeconds(30));
        TestContext.Out.WriteLine(output);
        return exit;
    }

    private string[] Recorded() => File.ReadAllText(Path.Combine(folder, "out", "suite")).Split('\0')[..^1];
}
