using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// The storage scenarios' parametrized fixtures, as the test adapter really expands them: the conformance suite is
/// run with the Storage category filter against a target that cannot start (every test then fails at once with the
/// set-up's reason), and its TRX names every test it ran.
/// </summary>
public sealed partial class StorageFixturesDiscoveryTests
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

    private async Task<IReadOnlyList<string>> RunStorageCategoryAsync(string? storageClasses)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "test", Path.Combine(RepositoryRoot(), "tests", "ConformanceKit.Conformance"), "--filter", "TestCategory=Storage",
            "--logger", "trx;LogFileName=storage.trx", "--results-directory", folder,
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CK_", StringComparison.Ordinal) && k != "CK_BUILD_DIR").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["CK_CLUSTER"] = "kubeconfig";
        start.Environment["CK_KUBECONFIG"] = Path.Combine(folder, "no-such-kubeconfig");
        start.Environment["CK_ARTIFACTS_DIR"] = Path.Combine(folder, "artifacts");
        if (storageClasses is not null)
        {
            start.Environment["CK_STORAGE_CLASS"] = storageClasses;
        }

        var (_, output) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(5));
        var trx = Path.Combine(folder, "storage.trx");
        File.Exists(trx).ShouldBeTrue($"the suite wrote no TRX: {output}");
        return [.. ClassName().Matches(await File.ReadAllTextAsync(trx)).Select(m => m.Groups[1].Value[(m.Groups[1].Value.LastIndexOf('.', m.Groups[1].Value.IndexOf('(', StringComparison.Ordinal)) + 1)..]).Distinct()];
    }

    [GeneratedRegex("<TestMethod [^>]*className=\"([^\"]+)\"")]
    private static partial Regex ClassName();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
