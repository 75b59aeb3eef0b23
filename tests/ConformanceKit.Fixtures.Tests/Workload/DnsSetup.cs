namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>What <see cref="ReadySetServer"/> tells the DNS probe about the cluster.</summary>
internal sealed record DnsSetup
{
    /// <summary>The probe pod's /etc/resolv.conf in a namespace. Default: the kubelet's, for cluster.local.</summary>
    public Func<string, string> ResolvConf { get; init; } = ns => ReadySetServer.KubeletResolvConf(ns, "cluster.local");

    /// <summary>The pods carry an IPv6 (fd00:10:42::ordinal+1) after their IPv4 in status.podIPs.</summary>
    public bool DualStack { get; init; }

    /// <summary>The Service's spec.ipFamilies, served on GET; null: the Service cannot be read (404).</summary>
    public IReadOnlyList<string>? ServiceFamilies { get; init; }
}
