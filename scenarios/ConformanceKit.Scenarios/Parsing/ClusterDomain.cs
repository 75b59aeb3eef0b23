namespace ConformanceKit.Scenarios.Parsing;

/// <summary>
/// The DNS domain of the cluster (the kubelet's <c>clusterDomain</c>), under which a pod of a headless Service is
/// <c>&lt;pod&gt;.&lt;service&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c>, with where it came from.
/// </summary>
/// <param name="Name">The domain, lower case, without a trailing dot (e.g. <c>cluster.local</c>).</param>
/// <param name="Source">Read from the probe pod's resolv.conf, given by the user, or assumed.</param>
/// <param name="Note">One line for the report saying which and why (e.g. "cluster domain: X, from the probe pod's resolv.conf").</param>
public sealed record ClusterDomain(string Name, ClusterDomainSource Source, string Note)
{
    /// <summary>The kubelet's default cluster domain, assumed when nothing says otherwise.</summary>
    public const string Default = "cluster.local";

    /// <summary>A domain the user gave (checked to be a DNS name; a trailing dot is dropped).</summary>
    public static ClusterDomain Given(string name, string setting)
    {
        var domain = Normalize(name) ?? throw new ArgumentException(
            $"cluster domain '{name}' ({setting}) is not a DNS domain; expected lower-case labels of letters, digits and '-' separated by dots, e.g. {Default}", nameof(name));
        return new ClusterDomain(domain, ClusterDomainSource.Given, $"cluster domain: {domain}, as given ({setting})");
    }

    /// <summary><see cref="Default"/>, assumed because <paramref name="reason"/>.</summary>
    public static ClusterDomain Fallback(string reason) =>
        new(Default, ClusterDomainSource.Fallback, $"cluster domain: {Default} assumed: {reason}");

    /// <summary>The name lower-cased without a trailing dot when it is a DNS domain (labels of 1-63 letters, digits or '-', not starting or ending with '-'); null otherwise.</summary>
    public static string? Normalize(string? name)
    {
        var domain = name?.Trim().TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(domain) || domain.Length > 253)
        {
            return null;
        }

        return domain.Split('.').All(IsLabel) ? domain : null;
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
