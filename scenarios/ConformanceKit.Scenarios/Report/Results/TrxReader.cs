using System.Globalization;
using System.Xml.Linq;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Reads the test results of a TRX file (the VSTest results format) into <see cref="TestOutcome"/>s.</summary>
public static class TrxReader
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Every result of the file, in its order; failures classified by <see cref="FailureClassifier"/>.</summary>
    public static IReadOnlyList<TestOutcome> Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (Exception error) when (error is System.Xml.XmlException or IOException)
        {
            throw new InvalidDataException($"the TRX results file '{path}' cannot be read: {error.Message}", error);
        }

        var classes = document.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => (string?)t.Element(Trx + "TestMethod")?.Attribute("className") ?? "");
        return document.Descendants(Trx + "UnitTestResult").Select(r => Outcome(r, classes)).ToList();
    }

    private static TestOutcome Outcome(XElement result, Dictionary<string, string> classes)
    {
        var className = classes.GetValueOrDefault((string?)result.Attribute("testId") ?? "", "");
        var name = (string?)result.Attribute("testName") ?? "";
        var duration = TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.Zero;
        var message = (string?)result.Element(Trx + "Output")?.Element(Trx + "ErrorInfo")?.Element(Trx + "Message");
        return (string?)result.Attribute("outcome") switch
        {
            "Passed" => new TestOutcome(className, name, ScenarioResult.Passed, duration),
            "NotExecuted" or "Inconclusive" or "Pending" => new TestOutcome(className, name, ScenarioResult.Skipped, duration, SkipReason: message?.Trim()),
            _ => new TestOutcome(className, name, ScenarioResult.Failed, duration, FailureClassifier.Classify(message)),
        };
    }
}
