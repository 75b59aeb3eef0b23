namespace ConformanceKit.Scenarios.Parsing;

/// <summary>Where a <see cref="ClusterDomain"/> came from.</summary>
public enum ClusterDomainSource
{
    /// <summary>The probe pod's <c>/etc/resolv.conf</c>, written by the kubelet: its search entry <c>&lt;namespace&gt;.svc.&lt;domain&gt;</c>.</summary>
    ResolvConf,

    /// <summary>Set by the user (<c>--cluster-domain</c>, <c>ClusterDomain</c>, <c>CK_CLUSTER_DOMAIN</c>).</summary>
    Given,

    /// <summary>Not found: <see cref="ClusterDomain.Default"/> is assumed, and the note says why.</summary>
    Fallback,
}
