using System.Reflection;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>Finds files of the repository (the folder holding ConformanceKit.sln), e.g. manifests/examples.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Locate()
    {
        var starts = new[]
        {
            typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceDirectory")?.Value,
            TestContext.CurrentContext.TestDirectory,
        };
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ConformanceKit.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"could not find the repository (a folder holding ConformanceKit.sln) above any of: {string.Join(", ", starts.OfType<string>())}");
    }
}
