using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// Runs the real conformance suite with a filter against a target that cannot start (every selected test then fails
/// at once with the set-up's reason) and reads from its TRX which test classes the adapter ran.
/// </summary>
internal static partial class ConformanceSuiteRun
{
    /// <summary>The distinct class names the TRX lists, each shortened by <paramref name="shorten"/>.</summary>
    public static async Task<IReadOnlyList<string>> ClassNamesAsync(
        string folder, string filter, IReadOnlyDictionary<string, string> environment, Func<string, string> shorten)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "test", Path.Combine(RunTestsScript.RepositoryRoot(), "tests", "ConformanceKit.Conformance"), "--filter", filter,
            "--logger", "trx;LogFileName=suite.trx", "--results-directory", folder,
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (_, output) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(5));
        var trx = Path.Combine(folder, "suite.trx");
        File.Exists(trx).ShouldBeTrue($"the suite wrote no TRX: {output}");
        return [.. ClassName().Matches(await File.ReadAllTextAsync(trx)).Select(m => shorten(m.Groups[1].Value)).Distinct()];
    }

    [GeneratedRegex("<TestMethod [^>]*className=\"([^\"]+)\"")]
    private static partial Regex ClassName();
}
