using System.Text.Json.Serialization;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>The outcome of one check: passed or not, one sentence naming the first violation, and details.</summary>
/// <param name="Check">The check's name, e.g. <c>OrderedCreation</c>.</param>
/// <param name="Passed">True when the behaviour held.</param>
/// <param name="Message">One sentence: what held, or the first violation with the pods and times involved.</param>
/// <param name="Details">Supporting facts (every violation, IPs, times), one per line.</param>
public sealed record CheckResult(string Check, bool Passed, string Message, IReadOnlyList<string> Details)
{
    /// <summary>True for a negative control: a check run where the promise is broken on purpose, so it must fail.</summary>
    public bool Control { get; init; }

    /// <summary>True when the outcome is the required one: a check passed, or a control's check failed.</summary>
    [JsonIgnore]
    public bool AsRequired => Control ? !Passed : Passed;

    /// <summary>What the outcome means for a reader, e.g. <c>PASS</c> or <c>control: the check failed, as required</c>.</summary>
    [JsonIgnore]
    public string Verdict => (Control, Passed) switch
    {
        (true, false) => "control: the check failed, as required",
        (true, true) => "control: the check passed, but it must fail",
        (false, true) => "PASS",
        (false, false) => "FAIL",
    };

    /// <summary>This result recorded as a negative control.</summary>
    public CheckResult AsControl() => this with { Control = true };

    /// <summary>A passing result.</summary>
    public static CheckResult Pass(string check, string message, IReadOnlyList<string>? details = null) =>
        new(check, true, message, details ?? []);

    /// <summary>A failing result.</summary>
    public static CheckResult Fail(string check, string message, IReadOnlyList<string>? details = null) =>
        new(check, false, message, details ?? []);

    /// <summary>Fails with the first violation as message and all of them as details; passes otherwise.</summary>
    public static CheckResult From(string check, IReadOnlyList<string> violations, string passMessage, IEnumerable<string>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var details = violations.Concat(facts ?? []).ToList();
        return violations.Count == 0
            ? Pass(check, passMessage, details)
            : Fail(check, violations.Count == 1 ? violations[0] : $"{violations[0]} (and {violations.Count - 1} more)", details);
    }

    /// <summary><c>PASS|FAIL Check: message</c> (a control: <c>control: the check failed, as required</c>, then a dash) followed by the details.</summary>
    public override string ToString() =>
        $"{Verdict}{(Control ? " -" : "")} {Check}: {Message}" +
        string.Concat(Details.Select(d => Environment.NewLine + "  " + d));
}
