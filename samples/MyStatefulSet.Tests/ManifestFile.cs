using NUnit.Framework;

namespace MyStatefulSet.Tests;

/// <summary>Where the test's files are copied beside the test assembly.</summary>
internal static class ManifestFile
{
    /// <summary>my-statefulset.yaml.</summary>
    public static string Path => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "my-statefulset.yaml");

    /// <summary>A recorded watch stream (pods, pvcs, events) of ../shared's ordered-lifecycle recording.</summary>
    public static string Recorded(string stream) =>
        System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "recorded", $"{stream}.watch.jsonl");
}
