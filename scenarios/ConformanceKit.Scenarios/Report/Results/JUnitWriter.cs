using System.Globalization;
using System.Xml.Linq;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// Writes <c>junit.xml</c> in the JUnit XML format that GitLab, Jenkins and the common GitHub Actions reporters read:
/// one <c>testsuite</c> per scenario class, one <c>testcase</c> per test with its time; a violation is a
/// <c>failure</c>, an error an <c>error</c>, a skip <c>skipped</c>, each with its message.
/// </summary>
public static class JUnitWriter
{
    /// <summary>Writes the file; returns its path.</summary>
    public static string Write(string path, IReadOnlyList<TestOutcome> outcomes, RunHeader? header = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var suites = outcomes.GroupBy(o => o.ClassName, StringComparer.Ordinal).Select(g => Suite(g.Key, [.. g], header));
        var root = new XElement("testsuites",
            new XAttribute("name", "ConformanceKit"),
            Counts(outcomes),
            suites);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // UTF-8 without a byte order mark: some CI parsers read a BOM as content before the declaration.
        using var writer = System.Xml.XmlWriter.Create(path, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        return path;
    }

    private static XElement Suite(string className, IReadOnlyList<TestOutcome> tests, RunHeader? header)
    {
        var suite = new XElement("testsuite", new XAttribute("name", className), Counts(tests));
        if (header is not null)
        {
            suite.Add(new XAttribute("timestamp", header.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
                new XAttribute("hostname", header.Host));
        }

        foreach (var test in tests)
        {
            var testcase = new XElement("testcase", new XAttribute("name", test.Name), new XAttribute("classname", className),
                new XAttribute("time", Seconds(test.Duration)));
            if (test.Result == ScenarioResult.Failed)
            {
                var failure = test.Failure ?? new TestFailure(FailureKind.Error, "failed");
                var kind = failure.Kind == FailureKind.Violation ? "failure" : "error";
                testcase.Add(new XElement(kind, new XAttribute("message", failure.Reason), new XAttribute("type", failure.Kind.ToString().ToLowerInvariant()),
                    Details(test, failure)));
            }
            else if (test.Result == ScenarioResult.Skipped)
            {
                testcase.Add(new XElement("skipped", new XAttribute("message", test.SkipReason ?? "skipped")));
            }

            suite.Add(testcase);
        }

        return suite;
    }

    private static string Details(TestOutcome test, TestFailure failure) =>
        string.Join(Environment.NewLine, new[] { failure.Reason }
            .Concat((test.Scenario?.Checks ?? []).Where(c => !c.AsRequired).Select(c => c.ToString())));

    private static IEnumerable<XAttribute> Counts(IReadOnlyCollection<TestOutcome> tests) =>
    [
        new("tests", tests.Count),
        new("failures", tests.Count(t => t.Result == ScenarioResult.Failed && t.Failure?.Kind == FailureKind.Violation)),
        new("errors", tests.Count(t => t.Result == ScenarioResult.Failed && t.Failure?.Kind != FailureKind.Violation)),
        new("skipped", tests.Count(t => t.Result == ScenarioResult.Skipped)),
        new("time", Seconds(TimeSpan.FromTicks(tests.Sum(t => t.Duration.Ticks)))),
    ];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
