using ConformanceKit.Scenarios.Parsing;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Dns;

/// <summary>The cluster domain read from a probe pod's resolv.conf, in the format the kubelet hands the runtime.</summary>
public sealed class ResolvConfTests
{
    // containerd writes search, nameserver, options; Docker wrote nameserver first. The node's own search domains follow ours.
    private const string Containerd = "search ck-dns-1.svc.k8s.example.corp svc.k8s.example.corp k8s.example.corp\nnameserver 10.96.0.10\noptions ndots:5\n";
    private const string DockerWithNodeDomains = "nameserver 10.43.0.10\nsearch ck-dns-1.svc.cluster.internal svc.cluster.internal cluster.internal us-west-2.compute.internal\noptions ndots:5\n";

    [TestCase(Containerd, "k8s.example.corp")]
    [TestCase(DockerWithNodeDomains, "cluster.internal")]
    [TestCase("# written by the kubelet\nsearch CK-DNS-1.svc.Cluster.Internal. svc.cluster.internal.\nnameserver fd00:10:96::a\n", "cluster.internal")]
    [TestCase("search ck-dns-1.svc.old.example svc.old.example\nsearch ck-dns-1.svc.new.example svc.new.example\nnameserver 10.96.0.10\n", "new.example")]
    public void ResolvConf_WithTheNamespacesSearchEntry_GivesItsDomain_NotedAsReadFromThePod(string resolvConf, string domain)
    {
        // Given a ClusterFirst pod's resolv.conf in namespace ck-dns-1 (a comment, case, a trailing dot, two search lines: the last wins)

        // When the cluster domain is looked for
        var found = ResolvConfParser.FindClusterDomain(resolvConf, "ck-dns-1");

        // Then it is the domain after ck-dns-1.svc., read from the pod, and the note says so in one line
        found.ShouldBe(new ClusterDomain(domain, ClusterDomainSource.ResolvConf, $"cluster domain: {domain}, from the probe pod's resolv.conf"));
    }

    [Test]
    public void ResolvConf_OfAnotherNamespace_IsNotTakenForOurs()
    {
        // Given the custom-domain resolv.conf of a pod in ck-dns-1 (the negative control for the namespace match)

        // When it is read for namespace ck-dns-2
        var found = ResolvConfParser.FindClusterDomain(Containerd, "ck-dns-2");

        // Then no entry is ck-dns-2.svc.<domain>: cluster.local is assumed, and the note names what was searched
        found.Name.ShouldBe(ClusterDomain.Default);
        found.Source.ShouldBe(ClusterDomainSource.Fallback);
        found.Note.ShouldBe("cluster domain: cluster.local assumed: the probe pod's resolv.conf searches " +
            "[ck-dns-1.svc.k8s.example.corp svc.k8s.example.corp k8s.example.corp], no ck-dns-2.svc.<domain> among them (as with dnsPolicy Default or a custom dnsConfig)");
    }

    [TestCase("nameserver 169.254.169.253\n", "has no search line, so no ck-dns-1.svc.<domain> entry")]
    [TestCase("nameserver 10.0.0.2\nsearch eu-west-1.compute.internal\n", "searches [eu-west-1.compute.internal], no ck-dns-1.svc.<domain> among them")]
    [TestCase("nameserver 1.1.1.1\nsearch ck-dns-1.svc. example.org\n", "searches [ck-dns-1.svc example.org]")]
    [TestCase("", "has no search line")]
    public void ResolvConf_WithoutTheNamespacesSearchEntry_FallsBackToClusterLocal_SayingWhyInOneLine(string resolvConf, string reason)
    {
        // Given a resolv.conf of dnsPolicy Default (the node's), a custom dnsConfig, an entry without a domain, or none

        // When the cluster domain is looked for
        var found = ResolvConfParser.FindClusterDomain(resolvConf, "ck-dns-1");

        // Then cluster.local is assumed, and the one-line note says so and why
        found.Name.ShouldBe("cluster.local");
        found.Source.ShouldBe(ClusterDomainSource.Fallback);
        found.Note.ShouldStartWith("cluster domain: cluster.local assumed: the probe pod's resolv.conf ");
        found.Note.ShouldContain(reason);
        found.Note.ShouldNotContain("\n");
    }

    [Test]
    public void GivenDomain_IsNormalised_AndAMalformedOneIsRefusedNamingTheSetting()
    {
        // Given a domain as a user may type it, and two that are not domains (the negative controls)

        // When each is given
        var given = ClusterDomain.Given("K8s.Example.Corp.", "ClusterDomain");
        var underscore = Should.Throw<ArgumentException>(() => ClusterDomain.Given("cluster_local", "ClusterDomain"));
        var empty = Should.Throw<ArgumentException>(() => ClusterDomain.Given(" ", "ClusterDomain"));

        // Then the good one is lower case without the dot and noted as given; the others are refused in a line naming the value and the setting
        given.ShouldBe(new ClusterDomain("k8s.example.corp", ClusterDomainSource.Given, "cluster domain: k8s.example.corp, as given (ClusterDomain)"));
        underscore.Message.ShouldStartWith("cluster domain 'cluster_local' (ClusterDomain) is not a DNS domain");
        empty.Message.ShouldContain("e.g. cluster.local");
    }
}
