namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// The Workload category as the test adapter really selects it: <c>./run-tests.sh workload</c>'s filter runs the
/// four workload fixtures and nothing else; the plain suite's filter runs every other scenario and none of them.
/// </summary>
public sealed class WorkloadCategoryDiscoveryTests
{
    private static readonly string[] WorkloadFixtures =
        ["WorkloadIdentityScenario", "WorkloadOrderingScenario", "WorkloadStorageScenario", "WorkloadRollingUpdateScenario"];

    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ck-workload-category-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task WorkloadFilter_RunsExactlyTheWorkloadFixtures()
    {
        // Given a workload file (the tests fail at the unreachable target before reading it)
        // When the suite runs with the workload mode's filter
        var classes = await RunAsync("TestCategory=Workload");

        // Then the four workload fixtures ran, and nothing else
        classes.ShouldBe(WorkloadFixtures, ignoreOrder: true);
    }

    [Test]
    public async Task PlainSuiteFilter_RunsTheOtherScenarios_ButNoWorkloadFixture()
    {
        // Given / When the suite runs with the plain suite's filter (the control: other scenarios do run)
        var classes = await RunAsync("TestCategory!=Workload");

        // Then
        classes.ShouldContain("OrderedCreationScenario");
        classes.ShouldContain("ReattachScenario");
        classes.ShouldNotContain(c => c.StartsWith("Workload", StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<string>> RunAsync(string filter) =>
        ConformanceSuiteRun.ClassNamesAsync(folder, filter, new Dictionary<string, string> { ["CK_WORKLOAD_MANIFEST"] = Path.Combine(folder, "sts.yaml") },
            name => (name.Contains('(', StringComparison.Ordinal) ? name[..name.IndexOf('(', StringComparison.Ordinal)] : name).Split('.')[^1]);
}
