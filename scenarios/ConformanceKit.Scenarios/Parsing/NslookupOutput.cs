namespace ConformanceKit.Scenarios.Parsing;

/// <summary>What busybox <c>nslookup</c> answered: name → addresses, and the names it could not find.</summary>
/// <param name="Addresses">Each answered name (lower case, no trailing dot) with its addresses in order.</param>
/// <param name="NotFound">Names the server answered NXDOMAIN (or another "can't find") for.</param>
/// <param name="Servers">The DNS servers that answered.</param>
public sealed record NslookupOutput(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Addresses,
    IReadOnlySet<string> NotFound,
    IReadOnlyList<string> Servers)
{
    /// <summary>The addresses <paramref name="name"/> resolved to (empty when it did not resolve).</summary>
    public IReadOnlyList<string> AddressesOf(string name) =>
        Addresses.TryGetValue(NslookupParser.Normalize(name), out var ips) ? ips : [];

    /// <summary>True when <paramref name="name"/> resolved to at least one address.</summary>
    public bool Resolves(string name) => AddressesOf(name).Count > 0;
}
