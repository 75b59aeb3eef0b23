namespace ConformanceKit.TestSupport.Loopback;

/// <summary>A request the loopback server received.</summary>
/// <param name="Method">HTTP method, e.g. PATCH.</param>
/// <param name="PathAndQuery">Path with the raw query string, e.g. /api/v1/pods?watch=1.</param>
/// <param name="Headers">Request headers (multiple values joined with ", ").</param>
/// <param name="Body">The request body as text ("" when none).</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The (unescaped) value of a query parameter, or null.</summary>
    public string? Query(string name) => QueryValues(name).FirstOrDefault();

    /// <summary>Every (unescaped) value of a repeated query parameter, in order.</summary>
    public IReadOnlyList<string> QueryValues(string name)
    {
        var parts = PathAndQuery.Split('?', 2);
        if (parts.Length < 2)
        {
            return [];
        }

        return parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "")
            .ToList();
    }

    /// <summary>A header value (case-insensitive name), or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
