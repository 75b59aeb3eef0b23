using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConformanceKit.TestSupport.Pki;

/// <summary>
/// A throw-away certificate authority for tests: a self-signed RSA root that issues server certificates (with
/// DNS and IP subject alternative names) and client certificates (RSA or ECDSA), and PEM helpers in the forms
/// kubeconfigs carry. Every issued certificate has its private key attached and was round-tripped through
/// PKCS#12, so Kestrel and SslStream can use it directly on Linux.
/// </summary>
public sealed class TestPki : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private readonly List<X509Certificate2> issued = [];
    private readonly RSA caKey;

    private TestPki(RSA caKey, X509Certificate2 ca)
    {
        this.caKey = caKey;
        Ca = ca;
    }

    /// <summary>The root certificate (with its private key).</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>Creates a new root, valid from an hour ago for a day.</summary>
    public static TestPki Create()
    {
        const string commonName = "conformancekit-test-ca";
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var selfSigned = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
        return new TestPki(key, Reload(selfSigned));
    }

    /// <summary>Issues a server certificate; entries that parse as IP addresses become IP SANs, the rest DNS SANs.</summary>
    public X509Certificate2 IssueServer(params string[] dnsNamesOrIps)
    {
        var commonName = dnsNamesOrIps.Length > 0 ? dnsNamesOrIps[0] : "server";
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNamesOrIps)
        {
            if (IPAddress.TryParse(name, out var ip))
            {
                san.AddIpAddress(ip);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(san.Build());
        AddLeafExtensions(request, ServerAuthOid, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment);
        using var withKey = SignWithRsa(request, key);
        return Track(Reload(withKey));
    }

    /// <summary>Issues an RSA client certificate: CN = user name, O = groups (as Kubernetes reads them).</summary>
    public X509Certificate2 IssueClient(string commonName, params string[] organizations)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(SubjectName(commonName, organizations), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        AddLeafExtensions(request, ClientAuthOid, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment);
        using var withKey = SignWithRsa(request, key);
        return Track(Reload(withKey));
    }

    /// <summary>Issues an ECDSA (P-256) client certificate.</summary>
    public X509Certificate2 IssueEcClient(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName(commonName, []), key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, ClientAuthOid, X509KeyUsageFlags.DigitalSignature);
        using var signed = Sign(request);
        using var withKey = signed.CopyWithPrivateKey(key);
        return Track(Reload(withKey));
    }

    /// <summary>The certificate as a "CERTIFICATE" PEM block.</summary>
    public static string CertificatePem(X509Certificate2 c) => c.ExportCertificatePem();

    /// <summary>The RSA private key as a PKCS#1 "RSA PRIVATE KEY" PEM block.</summary>
    public static string RsaKeyPem(X509Certificate2 c)
    {
        using var rsa = c.GetRSAPrivateKey() ?? throw new InvalidOperationException($"{c.Subject} has no RSA private key");
        return rsa.ExportRSAPrivateKeyPem();
    }

    /// <summary>The EC private key as a SEC1 "EC PRIVATE KEY" PEM block.</summary>
    public static string EcKeyPem(X509Certificate2 c)
    {
        using var ec = c.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{c.Subject} has no ECDSA private key");
        return ec.ExportECPrivateKeyPem();
    }

    /// <summary>The private key (RSA or EC) as a PKCS#8 "PRIVATE KEY" PEM block.</summary>
    public static string Pkcs8KeyPem(X509Certificate2 c)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)c.GetRSAPrivateKey() ?? c.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException($"{c.Subject} has no RSA or ECDSA private key");
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var certificate in issued)
        {
            certificate.Dispose();
        }

        Ca.Dispose();
        caKey.Dispose();
    }

    private static string SubjectName(string commonName, string[] organizations)
    {
        var builder = new X500DistinguishedNameBuilder();
        foreach (var organization in organizations)
        {
            builder.AddOrganizationName(organization);
        }

        builder.AddCommonName(commonName);
        return builder.Build().Name;
    }

    private static void AddLeafExtensions(CertificateRequest request, string ekuOid, X509KeyUsageFlags usages)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ekuOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    private X509Certificate2 SignWithRsa(CertificateRequest request, RSA key)
    {
        using var signed = Sign(request);
        return signed.CopyWithPrivateKey(key);
    }

    private X509Certificate2 Sign(CertificateRequest request)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        var generator = X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1);
        return request.Create(Ca.SubjectName, generator, now.AddMinutes(-30), now.AddHours(12), serial);
    }

    private static X509Certificate2 Reload(X509Certificate2 withKey) =>
        X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);

    private X509Certificate2 Track(X509Certificate2 certificate)
    {
        issued.Add(certificate);
        return certificate;
    }
}
