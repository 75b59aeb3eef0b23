namespace ConformanceKit.Scenarios.Parsing;

/// <summary>
/// What busybox <c>wget -O /dev/null URL</c> said about one URL. busybox wget exits 0 only when the server answered
/// with a success status; otherwise it prints e.g. <c>wget: server returned error: HTTP/1.1 404 Not Found</c>, or
/// <c>wget: bad address '...'</c> when the name does not resolve.
/// </summary>
/// <param name="Url">The URL asked for.</param>
/// <param name="ExitCode">wget's exit code.</param>
/// <param name="StatusLine">The <c>HTTP/x.y NNN ...</c> part wget printed, or null when none.</param>
/// <param name="Output">Everything wget printed, trimmed, for the report.</param>
public sealed record HttpProbeResult(string Url, int ExitCode, string? StatusLine, string Output)
{
    /// <summary>True when the request succeeded (wget's exit code 0).</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>True when some HTTP server answered, successfully or with an error status.</summary>
    public bool Answered => Succeeded || StatusLine is not null;

    /// <summary>Reads wget's output.</summary>
    public static HttpProbeResult Parse(string url, int exitCode, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var status = output.Split('\n')
            .Select(line => line.IndexOf("HTTP/", StringComparison.Ordinal) is var at and >= 0 ? line[at..].Trim() : null)
            .FirstOrDefault(line => line is not null);
        return new HttpProbeResult(url, exitCode, status, output.Trim());
    }
}
