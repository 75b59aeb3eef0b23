using ConformanceKit.Scenarios.Parsing;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Connectivity through the stable name: an HTTP request to <c>&lt;pod&gt;.&lt;svc&gt;.&lt;ns&gt;.svc.&lt;domain&gt;</c>
/// from another pod succeeds, and a request to a missing ordinal's name is answered by nobody.
/// </summary>
public static class HttpReachability
{
    private const string Name = nameof(HttpReachability);

    /// <summary>Checks the probes of existing pods (must succeed) and of missing ordinals (must not be answered).</summary>
    public static CheckResult Check(IReadOnlyList<HttpProbeResult> existing, IReadOnlyList<HttpProbeResult>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var probe in existing)
        {
            facts.Add($"{probe.Url} -> {Summary(probe)}");
            if (!probe.Succeeded)
            {
                violations.Add($"{probe.Url} did not answer successfully: {Summary(probe)}");
            }
        }

        foreach (var probe in missing ?? [])
        {
            facts.Add($"{probe.Url} -> {Summary(probe)} (no such pod)");
            if (probe.Answered)
            {
                violations.Add($"{probe.Url} was answered ({Summary(probe)}) although that pod does not exist");
            }
        }

        if (existing.Count == 0)
        {
            violations.Add("no pod was probed");
        }

        return CheckResult.From(Name, violations,
            $"each of {existing.Count} pods answered HTTP through its stable name and {missing?.Count ?? 0} missing ordinal(s) did not", facts);
    }

    private static string Summary(HttpProbeResult probe) => probe switch
    {
        { Succeeded: true } => "success (wget exit 0)",
        { StatusLine: { } status } => $"'{status}' (wget exit {probe.ExitCode})",
        _ => $"no response (wget exit {probe.ExitCode}: {FirstLine(probe.Output)})",
    };

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
}
