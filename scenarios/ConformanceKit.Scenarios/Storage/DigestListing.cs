namespace ConformanceKit.Scenarios.Storage;

/// <summary>Parses <c>sha256sum</c> output (<c>&lt;64 hex&gt;  &lt;path&gt;</c>, or <c>*&lt;path&gt;</c> in binary mode) into path → digest.</summary>
public static class DigestListing
{
    /// <summary>path → lower-case digest; lines of any other shape are ignored.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space != 64 || !line[..64].All(char.IsAsciiHexDigit))
            {
                continue;
            }

            var path = line[(space + 1)..].TrimStart(' ', '*');
            if (path.Length > 0)
            {
                digests[path] = line[..64].ToLowerInvariant();
            }
        }

        return digests;
    }
}
