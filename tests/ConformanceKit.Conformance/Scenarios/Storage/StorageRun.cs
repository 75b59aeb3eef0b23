using System.Collections.Concurrent;
using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>What every storage scenario of the run measured, for the report's Storage classes section.</summary>
internal static class StorageRun
{
    private static readonly ConcurrentDictionary<string, StorageClassProfile> Classes = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<LatencySample> All = new();

    /// <summary>The classes the storage scenarios ran on.</summary>
    public static IReadOnlyList<StorageClassProfile> Profiles => [.. Classes.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Every sample of the run.</summary>
    public static IReadOnlyList<LatencySample> Samples => [.. All];

    public static void Profiled(StorageClassProfile profile) => Classes.TryAdd(profile.Name, profile);

    public static void Sampled(IEnumerable<LatencySample> samples)
    {
        foreach (var sample in samples)
        {
            All.Enqueue(sample);
        }
    }
}
