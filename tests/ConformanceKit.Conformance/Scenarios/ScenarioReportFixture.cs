using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>After the last scenario: writes the report's index page and prints where it is.</summary>
[SetUpFixture]
public sealed class ScenarioReportFixture
{
    [OneTimeTearDown]
    public void WriteIndex()
    {
        if (ScenarioArtifacts.WriteIndex() is { } index)
        {
            TestContext.Progress.WriteLine($"conformance report: {index}");
        }
    }
}
