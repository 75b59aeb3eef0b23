using ConformanceKit.Kube.Config;
using ConformanceKit.TestSupport.Pki;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Kube.Tests.Config;

public sealed class KubeConfigLoaderTests : TempAndPkiTest
{
    [Test]
    public async Task Load_ExplicitFile_ReadsEveryClusterAndContextField()
    {
        // Given a kubeconfig with CA data, tls-server-name, a namespace and a token
        var ca = TempDirectory.Base64(TestPki.CertificatePem(Pki.Ca));
        var path = Temp.Write("config", Kubeconfigs.Single(
            ["server: https://10.1.2.3:6443", $"certificate-authority-data: {ca}", "tls-server-name: kube.test"],
            ["token: abc.def"], contextExtra: "\n    namespace: apps"));

        // When it is loaded by explicit path
        var connection = KubeConfigLoader.Load(path, null, new Dictionary<string, string?>());

        // Then every field is carried over and the source names the file and context
        connection.Server.ShouldBe(new Uri("https://10.1.2.3:6443"));
        connection.CertificateAuthority!.Single().Thumbprint.ShouldBe(Pki.Ca.Thumbprint);
        connection.TlsServerName.ShouldBe("kube.test");
        connection.InsecureSkipTlsVerify.ShouldBeFalse();
        connection.Namespace.ShouldBe("apps");
        connection.ClientCertificate.ShouldBeNull();
        (await connection.Credentials!.GetTokenAsync(CancellationToken.None)).ShouldBe("abc.def");
        connection.Source.ShouldBe($"kubeconfig {path}, context dev");
    }

    [Test]
    public void Load_InsecureSkipTlsVerify_IsHonouredOnlyWhenSet()
    {
        // Given two kubeconfigs, one with insecure-skip-tls-verify: true and one without it
        var insecure = Temp.Write("insecure", Kubeconfigs.Single(["server: https://127.0.0.1:1", "insecure-skip-tls-verify: true"], null));
        var plain = Temp.Write("plain", Kubeconfigs.Single(["server: https://127.0.0.1:1"], null));

        // When both are loaded
        // Then only the first skips verification
        KubeConfigLoader.Load(insecure, null, new Dictionary<string, string?>()).InsecureSkipTlsVerify.ShouldBeTrue();
        KubeConfigLoader.Load(plain, null, new Dictionary<string, string?>()).InsecureSkipTlsVerify.ShouldBeFalse();
    }

    [Test]
    public void Load_RelativeFilePaths_ResolveAgainstTheKubeconfigDirectory()
    {
        // Given a kubeconfig in a sub-directory naming CA, certificate and key by relative paths
        var client = Pki.IssueClient("alice", "devs");
        Temp.Write("kube/ca.crt", TestPki.CertificatePem(Pki.Ca));
        Temp.Write("kube/certs/client.crt", TestPki.CertificatePem(client));
        Temp.Write("kube/certs/client.key", TestPki.RsaKeyPem(client));
        var path = Temp.Write("kube/config", Kubeconfigs.Single(
            ["server: https://127.0.0.1:6443", "certificate-authority: ca.crt"],
            ["client-certificate: certs/client.crt", "client-key: certs/client.key"]));

        // When it is loaded while the working directory is elsewhere
        Directory.GetCurrentDirectory().ShouldNotBe(Path.GetDirectoryName(path));
        var connection = KubeConfigLoader.Load(path, null, new Dictionary<string, string?>());

        // Then the files next to the kubeconfig were used
        connection.CertificateAuthority!.Single().Thumbprint.ShouldBe(Pki.Ca.Thumbprint);
        connection.ClientCertificate!.Thumbprint.ShouldBe(client.Thumbprint);
        connection.ClientCertificate.HasPrivateKey.ShouldBeTrue();
    }

    [TestCase("rsa-pkcs1")]
    [TestCase("rsa-pkcs8")]
    [TestCase("ec-sec1")]
    [TestCase("ec-pkcs8")]
    public void Load_ClientKeyData_InEachPemForm_AttachesThePrivateKey(string form)
    {
        // Given a client certificate and its key in the given PEM form, inline as -data fields
        var client = form.StartsWith("ec", StringComparison.Ordinal) ? Pki.IssueEcClient("bob") : Pki.IssueClient("bob");
        var keyPem = form switch
        {
            "rsa-pkcs1" => TestPki.RsaKeyPem(client),
            "ec-sec1" => TestPki.EcKeyPem(client),
            _ => TestPki.Pkcs8KeyPem(client),
        };
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"],
            [$"client-certificate-data: {TempDirectory.Base64(TestPki.CertificatePem(client))}", $"client-key-data: {TempDirectory.Base64(keyPem)}"]));

        // When it is loaded
        var connection = KubeConfigLoader.Load(path, null, new Dictionary<string, string?>());

        // Then the certificate carries its private key
        connection.ClientCertificate!.Thumbprint.ShouldBe(client.Thumbprint);
        connection.ClientCertificate.HasPrivateKey.ShouldBeTrue();
        connection.ClientCertificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false).ShouldBe("bob");
    }

    [Test]
    public async Task Load_TokenFile_IsReadAgainWhenTheFileChanges()
    {
        // Given a kubeconfig whose user reads its token from a file next to it
        var tokenPath = Temp.Write("token", "first-token\n");
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"], ["tokenFile: token"]));
        var credentials = KubeConfigLoader.Load(path, null, new Dictionary<string, string?>()).Credentials!;
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("first-token");

        // When the token file is rotated
        File.WriteAllText(tokenPath, "second-token-rotated");
        File.SetLastWriteTimeUtc(tokenPath, DateTime.UtcNow.AddMinutes(1));

        // Then the next request sees the new token
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("second-token-rotated");
    }
}
