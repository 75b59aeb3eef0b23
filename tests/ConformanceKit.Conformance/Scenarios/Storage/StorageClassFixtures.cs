using ConformanceKit.Fixtures.Session;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// The fixture arguments of the storage scenarios: one per storage class of the run's options (read when the tests are
/// discovered, before the session starts), so TRX and JUnit name each test by its class, e.g.
/// <c>ReattachScenario(fast-ssd)</c>. No class given: one fixture, <c>(default)</c>, on the cluster's default class.
/// </summary>
public static class StorageClassFixtures
{
    /// <summary>The argument that stands for the cluster's default class when the options name none.</summary>
    public const string DefaultClass = "default";

    /// <summary>The NUnit category of every storage scenario (what <c>./run-tests.sh storage</c> runs).</summary>
    public const string Category = "Storage";

    /// <summary>One fixture per class.</summary>
    public static IEnumerable<TestFixtureData> Classes()
    {
        IReadOnlyList<string> names;
        try
        {
            names = ConformanceOptions.Read(name => TestContext.Parameters.Get(name)).StorageClasses;
        }
        catch (ArgumentException)
        {
            // The session's set-up reports the malformed setting; the fixtures still need names.
            names = [];
        }

        foreach (var name in names.Count == 0 ? [DefaultClass] : names)
        {
            yield return new TestFixtureData(name).SetArgDisplayNames(name);
        }
    }
}
