namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// The order a run's report lists its tests in: by scenario (fixture without its parameters, then test), then by the
/// fixture's parameters (a storage scenario's class), whatever order they finished in, so the rows of two classes for
/// one scenario sit together and compare row by row. Ties keep the order given.
/// </summary>
internal static class ReportOrder
{
    public static IReadOnlyList<TestOutcome> Sort(IEnumerable<TestOutcome> outcomes) =>
        [.. outcomes.OrderBy(o => Fixture(o.ClassName), StringComparer.Ordinal)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ThenBy(o => Parameters(o.ClassName), StringComparer.Ordinal)];

    private static string Fixture(string className) => className.Split('(', 2)[0];

    private static string Parameters(string className) => className.Split('(', 2) is [_, var parameters] ? parameters : "";
}
