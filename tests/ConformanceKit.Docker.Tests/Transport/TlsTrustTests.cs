using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Transport;

/// <summary>How a TLS engine's certificate is judged: chained to ca.pem (through sent intermediates), named in its SANs.</summary>
public sealed class TlsTrustTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public void Leaf_SignedByAnIntermediateTheServerSent_NamedInItsSans_IsTrusted()
    {
        // Given ca.pem → intermediate → leaf for docker.build.internal, and the chain the server presented
        using var ca = Authority("CN=ck test root", null);
        using var intermediate = Authority("CN=ck test intermediate", ca);
        using var leaf = Leaf("CN=engine", intermediate, san: "docker.build.internal");

        // When / Then
        DockerHandlerFactory.IsTrusted(leaf, Presented(leaf, intermediate, ca), [ca], "docker.build.internal", SslPolicyErrors.None).ShouldBeTrue();
    }

    [Test]
    public void Leaf_WithoutTheIntermediate_IsNotTrusted()
    {
        // Given the same leaf, but the server sent no intermediate (the negative control of the chain building)
        using var ca = Authority("CN=ck test root", null);
        using var intermediate = Authority("CN=ck test intermediate", ca);
        using var leaf = Leaf("CN=engine", intermediate, san: "docker.build.internal");

        // When / Then
        DockerHandlerFactory.IsTrusted(leaf, null, [ca], "docker.build.internal", SslPolicyErrors.None).ShouldBeFalse();
    }

    [Test]
    public void Leaf_NamingTheHostOnlyInItsCommonName_IsNotTrusted()
    {
        // Given a leaf signed by the CA whose only mention of the host is its common name (the Docker CLI refuses it)
        using var ca = Authority("CN=ck test root", null);
        using var leaf = Leaf("CN=docker.build.internal", ca, san: null);

        // When / Then
        DockerHandlerFactory.IsTrusted(leaf, null, [ca], "docker.build.internal", SslPolicyErrors.None).ShouldBeFalse();
    }

    private static X509Certificate2 Authority(string subject, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return issuer is null
            ? request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30))
            : Sign(request, issuer).CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Leaf(string subject, X509Certificate2 issuer, string? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        if (san is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(san);
            request.CertificateExtensions.Add(names.Build());
        }

        return Sign(request, issuer).CopyWithPrivateKey(key);
    }

    private static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 issuer)
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issuerKey = issuer.GetECDsaPrivateKey()!;
        var generator = X509SignatureGenerator.CreateForECDsa(issuerKey);
        return request.Create(issuer.SubjectName, generator, Now.AddHours(-1), Now.AddDays(10), serial);
    }

    /// <summary>The chain as a TLS handshake hands it to the validation callback: leaf, the sent intermediate, the root.</summary>
    private static X509Chain Presented(X509Certificate2 leaf, X509Certificate2 intermediate, X509Certificate2 ca)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(leaf).ShouldBeTrue("the test's own chain should build");
        return chain;
    }
}
