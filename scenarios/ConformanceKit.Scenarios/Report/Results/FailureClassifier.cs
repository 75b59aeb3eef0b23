using System.Text.RegularExpressions;

namespace ConformanceKit.Scenarios.Report;

/// <summary>
/// Classifies a failed test from its failure message (as NUnit reports it: <c>Type : message</c> for exceptions,
/// the bare message for NUnit assertions). Violations: a check that should pass did not
/// (<c>CheckFailedException</c>), a Shouldly or NUnit assertion on observed behaviour. Errors: everything else, and
/// also a negative control that passed (the check could not tell the behaviour apart, so nothing was proven), a
/// failure in a one-time set-up, a tear-down (clean-up) that failed after the test passed, a probe tool that crashed,
/// and a pod that can never start, for its image, a missing Secret or ConfigMap, or a creation the API server refuses
/// (its one line is the reason as it is).
/// </summary>
public static partial class FailureClassifier
{
    private const int ReasonLines = 3;

    private static readonly HashSet<string> AssertionTypes = new(StringComparer.Ordinal)
    {
        "Shouldly.ShouldAssertException",
        "NUnit.Framework.AssertionException",
        "NUnit.Framework.MultipleAssertException",
    };

    // Errors whose message is already the one line a user needs (what was wrong, what to pass): the reason is that
    // line, without the type's name in front.
    private static readonly HashSet<string> OneLineErrorTypes = new(StringComparer.Ordinal)
    {
        typeof(Recording.PodCannotStartException).FullName!,
    };

    /// <summary>The kind and reason of a failure message.</summary>
    public static TestFailure Classify(string? message)
    {
        var text = (message ?? "").Trim();
        if (text.Length == 0)
        {
            return new TestFailure(FailureKind.Error, "the test failed without a message");
        }

        if (text.StartsWith("OneTimeSetUp:", StringComparison.Ordinal) || text.StartsWith("SetUp :", StringComparison.Ordinal))
        {
            return new TestFailure(FailureKind.Error, "set-up failed: " + FirstLines(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        }

        if (text.StartsWith("TearDown :", StringComparison.Ordinal))
        {
            // NUnit's message when a test that passed fails in its tear-down (the clean-up): nothing about the behaviour.
            return new TestFailure(FailureKind.Error, "tear-down failed: " + FirstLines(text["TearDown :".Length..]));
        }

        var match = TypePrefix().Match(text);
        if (!match.Success)
        {
            return new TestFailure(FailureKind.Violation, FirstLines(text));
        }

        var type = match.Groups["type"].Value;
        var body = text[match.Length..];
        if (type.EndsWith(".CheckFailedException", StringComparison.Ordinal))
        {
            return body.Contains("should fail but passed", StringComparison.Ordinal)
                ? new TestFailure(FailureKind.Error, "negative control passed, so the check proved nothing here: " + FailLine(body))
                : new TestFailure(FailureKind.Violation, FailLine(body));
        }

        if (OneLineErrorTypes.Contains(type))
        {
            return new TestFailure(FailureKind.Error, FirstLines(body));
        }

        return AssertionTypes.Contains(type)
            ? new TestFailure(FailureKind.Violation, FirstLines(body))
            : new TestFailure(FailureKind.Error, $"{type[(type.LastIndexOf('.') + 1)..]}: {FirstLines(body)}");
    }

    /// <summary>The <c>FAIL|PASS Check: message</c> line of a check result, without the marker; else the first lines.</summary>
    private static string FailLine(string body)
    {
        var line = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("FAIL ", StringComparison.Ordinal) || l.StartsWith("PASS ", StringComparison.Ordinal));
        return line is null ? FirstLines(body) : line[5..];
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0).ToList();
        return string.Join(" / ", lines.Take(ReasonLines)) + (lines.Count > ReasonLines ? " …" : "");
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w.`+]*(Exception|Error)) : ")]
    private static partial Regex TypePrefix();
}
