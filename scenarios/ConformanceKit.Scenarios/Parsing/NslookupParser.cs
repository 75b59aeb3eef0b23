namespace ConformanceKit.Scenarios.Parsing;

/// <summary>
/// Parses busybox <c>nslookup</c> output (one or more runs concatenated): <c>Name:</c> / <c>Address:</c> answer
/// lines (also the older <c>Address 1: ip name</c> form) and <c>** server can't find NAME: NXDOMAIN</c>. busybox asks
/// A and AAAA, so a dual-stack name prints two answers, <c>Address: 10.42.0.5</c> and <c>Address: fd00:10:42::5</c>
/// (only the first colon splits the line). Lines of a <c>Server:</c> block describe the resolver, not an answer.
/// </summary>
public static class NslookupParser
{
    private const string CannotFind = "** server can't find ";

    /// <summary>Parses the text of one or more nslookup runs.</summary>
    public static NslookupOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var addresses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var notFound = new HashSet<string>(StringComparer.Ordinal);
        var servers = new List<string>();
        string? currentName = null;
        var inServerBlock = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                inServerBlock = false;
                continue;
            }

            if (line.StartsWith(CannotFind, StringComparison.Ordinal))
            {
                var rest = line[CannotFind.Length..];
                var colon = rest.LastIndexOf(':');
                notFound.Add(Normalize(colon > 0 ? rest[..colon] : rest));
                currentName = null;
            }
            else if (TrySplit(line, out var key, out var value))
            {
                if (key == "Server")
                {
                    inServerBlock = true;
                    currentName = null;
                    servers.Add(value);
                }
                else if (key == "Name")
                {
                    inServerBlock = false;
                    currentName = Normalize(value);
                }
                else if (key.StartsWith("Address", StringComparison.Ordinal) && !inServerBlock)
                {
                    AddAnswer(addresses, currentName, value);
                }
            }
        }

        notFound.ExceptWith(addresses.Keys);
        return new NslookupOutput(
            addresses.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal),
            notFound,
            servers);
    }

    /// <summary>Lower-cases a DNS name and drops a trailing dot.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().TrimEnd('.').ToLowerInvariant();
    }

    private static void AddAnswer(Dictionary<string, List<string>> addresses, string? currentName, string value)
    {
        // "Address: 10.0.0.1" (current busybox) or "Address 1: 10.0.0.1 web-0.web.ns.svc.cluster.local" (older).
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return;
        }

        var name = parts.Length > 1 ? Normalize(parts[1]) : currentName;
        if (name is null)
        {
            return;
        }

        if (!addresses.TryGetValue(name, out var list))
        {
            addresses[name] = list = [];
        }

        if (!list.Contains(parts[0]))
        {
            list.Add(parts[0]);
        }
    }

    private static bool TrySplit(string line, out string key, out string value)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        key = colon > 0 ? line[..colon].Trim() : "";
        value = colon > 0 ? line[(colon + 1)..].Trim() : "";
        return colon > 0 && !key.Contains(' ', StringComparison.Ordinal) || key.StartsWith("Address ", StringComparison.Ordinal);
    }
}
