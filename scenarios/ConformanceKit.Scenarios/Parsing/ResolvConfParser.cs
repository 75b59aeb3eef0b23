namespace ConformanceKit.Scenarios.Parsing;

/// <summary>
/// Reads the cluster domain from a pod's <c>/etc/resolv.conf</c>. For a pod of dnsPolicy ClusterFirst the kubelet
/// writes <c>search &lt;namespace&gt;.svc.&lt;domain&gt; svc.&lt;domain&gt; &lt;domain&gt;</c> (then the node's own
/// search domains), so the entry <c>&lt;namespace&gt;.svc.X</c> gives X. As in the C library's resolver, a line
/// starting with <c>#</c> or <c>;</c> is a comment and the last <c>search</c> (or <c>domain</c>) line wins.
/// </summary>
public static class ResolvConfParser
{
    /// <summary>
    /// The domain of the search entry <c>&lt;namespace&gt;.svc.&lt;domain&gt;</c>; when there is none (dnsPolicy
    /// Default, a custom dnsConfig, no file), <see cref="ClusterDomain.Default"/> with a note saying so.
    /// </summary>
    public static ClusterDomain FindClusterDomain(string text, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        var search = SearchList(text);
        var prefix = $"{@namespace.ToLowerInvariant()}.svc.";
        foreach (var entry in search ?? [])
        {
            if (entry.StartsWith(prefix, StringComparison.Ordinal) && ClusterDomain.Normalize(entry[prefix.Length..]) is { } domain)
            {
                return new ClusterDomain(domain, ClusterDomainSource.ResolvConf, $"cluster domain: {domain}, from the probe pod's resolv.conf");
            }
        }

        return ClusterDomain.Fallback(search is null
            ? $"the probe pod's resolv.conf has no search line, so no {prefix}<domain> entry (as with dnsPolicy Default or a custom dnsConfig)"
            : $"the probe pod's resolv.conf searches [{string.Join(' ', search)}], no {prefix}<domain> among them (as with dnsPolicy Default or a custom dnsConfig)");
    }

    /// <summary>The entries of the last <c>search</c> or <c>domain</c> line (lower case, no trailing dot); null when there is none.</summary>
    public static IReadOnlyList<string>? SearchList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<string>? search = null;
        foreach (var raw in text.Split('\n'))
        {
            var words = raw.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith('#') || words[0].StartsWith(';'))
            {
                continue;
            }

            if (words[0] is "search" or "domain")
            {
                search = [.. words.Skip(1).Select(NslookupParser.Normalize)];
            }
        }

        return search;
    }
}
