using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.TestSupport.Pki;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

public sealed class TlsHandshakeTests
{
    private TestPki pki = null!;
    private TestPki otherPki = null!;

    [SetUp]
    public void SetUp()
    {
        pki = TestPki.Create();
        otherPki = TestPki.Create();
    }

    [TearDown]
    public void TearDown()
    {
        pki.Dispose();
        otherPki.Dispose();
    }

    [TestCase("rsa")]
    [TestCase("ec")]
    public async Task KubeconfigCaAndClientCertificate_ServerSeesTheClientCommonName(string keyType)
    {
        // Given a server for 127.0.0.1 and a kubeconfig with its CA and a client certificate
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("127.0.0.1"), pki.Ca);
        var client = keyType == "ec" ? pki.IssueEcClient("ci-ec") : pki.IssueClient("ci-rsa", "system:masters");
        var keyPem = keyType == "ec" ? TestPki.EcKeyPem(client) : TestPki.RsaKeyPem(client);
        var connection = Load(server.Address, pki, [$"client-certificate-data: {B64(TestPki.CertificatePem(client))}", $"client-key-data: {B64(keyPem)}"]);

        // When a request goes through the handler
        var body = await GetAsync(connection, new List<string>());

        // Then the server saw the client's common name
        body.ShouldBe(keyType == "ec" ? "ci-ec" : "ci-rsa");
    }

    [Test]
    public async Task DifferentCa_FailsTheHandshake()
    {
        // Given a kubeconfig trusting another CA than the one that issued the server certificate
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("127.0.0.1"), pki.Ca);
        var connection = Load(server.Address, otherPki, ClientUser());

        // When a request is sent
        // Then it fails
        await RefusedAsync(() => GetAsync(connection, new List<string>()));
    }

    [Test]
    public async Task WithoutClientCertificate_ServerRefuses()
    {
        // Given a kubeconfig with the right CA but no client certificate
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("127.0.0.1"), pki.Ca);
        var connection = Load(server.Address, pki, null);

        // When a request is sent
        // Then the server refuses it (the client certificate is what made the other tests pass)
        await RefusedAsync(() => GetAsync(connection, new List<string>()));
    }

    [Test]
    public async Task ServerNameNotInCertificate_FailsTheHandshake()
    {
        // Given a server whose certificate names only kube.test, reached at 127.0.0.1
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("kube.test"), pki.Ca);
        var connection = Load(server.Address, pki, ClientUser());

        // When a request is sent without tls-server-name
        // Then the host name check fails
        await RefusedAsync(() => GetAsync(connection, new List<string>()));
    }

    [Test]
    public async Task TlsServerName_ChecksTheCertificateAgainstThatName()
    {
        // Given the same server, and tls-server-name set to the certificate's DNS name
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("kube.test"), pki.Ca);
        var connection = Load(server.Address, pki, ClientUser(), "tls-server-name: kube.test");

        // When a request is sent to 127.0.0.1
        var body = await GetAsync(connection, new List<string>());

        // Then it succeeds
        body.ShouldBe("ci");
    }

    [Test]
    public async Task InsecureSkipTlsVerify_AcceptsAnUnknownCaAndWarns()
    {
        // Given a kubeconfig with another CA and insecure-skip-tls-verify: true
        await using var server = await TlsEchoServer.StartAsync(pki.IssueServer("kube.test"), pki.Ca);
        var connection = Load(server.Address, otherPki, ClientUser(), "insecure-skip-tls-verify: true");
        var warnings = new List<string>();

        // When a request is sent
        var body = await GetAsync(connection, warnings);

        // Then it succeeds, with one warning naming the flag and the server
        body.ShouldBe("ci");
        warnings.ShouldHaveSingleItem().ShouldContain("insecure-skip-tls-verify");
        warnings[0].ShouldContain(server.Address.ToString());
    }

    private static async Task RefusedAsync(Func<Task> request)
    {
        var failed = false;
        try
        {
            await request();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or KubeUnreachableException)
        {
            failed = true;
        }

        failed.ShouldBeTrue("the request should have failed the TLS handshake");
    }

    private static string B64(string text) => TempDirectory.Base64(text);

    private string[] ClientUser()
    {
        var client = pki.IssueClient("ci");
        return [$"client-certificate-data: {B64(TestPki.CertificatePem(client))}", $"client-key-data: {B64(TestPki.RsaKeyPem(client))}"];
    }

    private static KubeConnection Load(Uri server, TestPki trusted, string[]? user, string? extraClusterField = null)
    {
        string[] cluster = [$"server: {server}", $"certificate-authority-data: {B64(TestPki.CertificatePem(trusted.Ca))}"];
        var yaml = Kubeconfigs.Single(extraClusterField is null ? cluster : [.. cluster, extraClusterField], user);
        return KubeconfigLoader.LoadFromText(yaml, "test-kubeconfig", null);
    }

    private static async Task<string> GetAsync(KubeConnection connection, List<string> warnings)
    {
        using var client = KubeClient.Create(connection, new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(1), Warn = warnings.Add });
        var (status, body) = await client.GetRawAsync("/whoami", CancellationToken.None);
        status.ShouldBe(200);
        return body;
    }
}
