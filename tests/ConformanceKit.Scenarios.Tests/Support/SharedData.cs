using System.Reflection;

namespace ConformanceKit.Scenarios.Tests.Support;

/// <summary>Finds ../shared beside the repository (the folder holding ConformanceKit.sln).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string Text(params string[] parts)
    {
        var path = Path(parts);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"shared data file '{path}' is missing", path);
    }

    private static string Locate()
    {
        var starts = new[]
        {
            TestContext.CurrentContext.TestDirectory,
            typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceDirectory")?.Value,
            Environment.CurrentDirectory,
        };
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "ConformanceKit.sln")))
                {
                    var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                    return Directory.Exists(shared)
                        ? shared
                        : throw new DirectoryNotFoundException($"the shared data folder '{shared}' (../shared beside the repository at '{dir.FullName}') is missing; check it out next to the repository");
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"could not find the repository (a folder holding ConformanceKit.sln) above any of: {string.Join(", ", starts.OfType<string>())}; ../shared is located from there");
    }
}
