using System.Runtime.CompilerServices;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// Locates the shared, read-only data folder (../shared beside the repository): $CK_SHARED_DIR when set, otherwise
/// the "shared" folder found walking up from this source file, the test output folder or the working directory.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(() => Locate());

    /// <summary>The shared folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>recorded-k8s-1.26/ inside the shared folder.</summary>
    public static string Recorded => Path.Combine(Directory, "recorded-k8s-1.26");

    /// <summary>kubernetes-api-fixtures/ inside the shared folder.</summary>
    public static string ApiFixtures => Path.Combine(Directory, "kubernetes-api-fixtures");

    /// <summary>A file under recorded-k8s-1.26/, e.g. RecordedFile("api-responses", "get-missing-pod.404.http").</summary>
    public static string RecordedFile(params string[] parts) => Path.Combine([Recorded, .. parts]);

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        if (Environment.GetEnvironmentVariable("CK_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "recorded-k8s-1.26");
                if (System.IO.Directory.Exists(candidate))
                {
                    return Path.GetDirectoryName(candidate)!;
                }
            }
        }

        throw new DirectoryNotFoundException("the shared data folder was not found: put it at ../shared beside the repository or set CK_SHARED_DIR");
    }
}
