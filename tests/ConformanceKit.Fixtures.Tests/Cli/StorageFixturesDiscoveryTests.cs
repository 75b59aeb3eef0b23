namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// The storage scenarios' parametrized fixtures, as the test adapter really expands them: the conformance suite is
/// run with the Storage category filter against a target that cannot start (every test then fails at once with the
/// set-up's reason), and its TRX names every test it ran.
/// </summary>
public sealed class StorageFixturesDiscoveryTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ck-fixtures-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task StorageCategory_TwoClasses_RunsEachStorageScenarioOncePerClass_AndNothingElse()
    {
        // Given two classes in CK_STORAGE_CLASS and a kubeconfig that does not exist
        // When the suite runs only the Storage category
        var classes = await RunStorageCategoryAsync("fast-ssd,slow-hdd");

        // Then every storage fixture ran once per class, named by it, and no other scenario ran
        var fixtures = classes.Select(c => c[..c.IndexOf('(', StringComparison.Ordinal)]).Distinct().ToList();
        fixtures.ShouldContain("ReattachScenario");
        fixtures.ShouldContain("PerPodStorageScenario");
        fixtures.ShouldNotContain("PendingDiagnosisScenario");
        foreach (var fixture in fixtures)
        {
            classes.Where(c => c.StartsWith(fixture + "(", StringComparison.Ordinal)).ShouldBe([$"{fixture}(fast-ssd)", $"{fixture}(slow-hdd)"], ignoreOrder: true);
        }
    }

    [Test]
    public async Task StorageCategory_NoClass_RunsOneFixtureOnTheDefaultClass()
    {
        // Given no class (negative control for the expansion: one fixture each)
        // When
        var classes = await RunStorageCategoryAsync(null);

        // Then
        classes.ShouldNotBeEmpty();
        classes.ShouldAllBe(c => c.EndsWith("(default)", StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<string>> RunStorageCategoryAsync(string? storageClasses) =>
        ConformanceSuiteRun.ClassNamesAsync(folder, "TestCategory=Storage",
            storageClasses is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["CK_STORAGE_CLASS"] = storageClasses },
            name => name[(name.LastIndexOf('.', name.IndexOf('(', StringComparison.Ordinal)) + 1)..]);

}
