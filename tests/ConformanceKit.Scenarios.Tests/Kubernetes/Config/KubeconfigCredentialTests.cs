using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.TestSupport.Pki;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

/// <summary>The credentials a kubeconfig names reach the loopback server through the product's client.</summary>
public sealed class KubeconfigCredentialTests
{
    private LoopbackApiServer server = null!;
    private TempDirectory temp = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        server = await LoopbackApiServer.StartAsync();
        server.MapRecordedDiscovery();
        temp = new TempDirectory();
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        temp.Dispose();
        await server.DisposeAsync();
    }

    private string[] Cluster() => [$"server: {server.BaseAddress}", $"certificate-authority-data: {TempDirectory.Base64(TestPki.CertificatePem(server.Ca))}"];

    private async Task<string?> AuthorizationSentAsync(string kubeconfigPath)
    {
        using var client = KubeClient.Create(KubeconfigLoader.Load(kubeconfigPath, null, new Dictionary<string, string?>()),
            new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(5), Warn = _ => { } });
        await client.GetVersionAsync(CancellationToken.None);
        return server.Requests.Last(r => r.Path.TrimEnd('/') == "/version").Header("Authorization");
    }

    [TestCase("client.authentication.k8s.io/v1")]
    [TestCase("client.authentication.k8s.io/v1beta1")]
    public async Task ExecCredentialPlugin_ItsTokenIsSentAsBearer(string apiVersion)
    {
        // Given a kubeconfig whose user runs a plugin that prints an ExecCredential with a token
        var credential = $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"from-plugin"}}""";
        var plugin = temp.WriteExecutable("bin/plugin.sh", $"#!/bin/sh\nprintf '%s' '{credential}'\n");
        var path = temp.Write("config", Kubeconfigs.Single(Cluster(), ["exec:", $"  apiVersion: {apiVersion}", $"  command: {plugin}", "  interactiveMode: Never"]));

        // When the client asks the server for its version
        var authorization = await AuthorizationSentAsync(path);

        // Then the plugin's token was the bearer token
        authorization.ShouldBe("Bearer from-plugin");
    }

    [Test]
    public async Task StaticToken_IsSentAsBearer_AndNoTokenSendsNone()
    {
        // Given one kubeconfig with a token and one without a user (negative control)
        var withToken = temp.Write("token", Kubeconfigs.Single(Cluster(), ["token: static-token"]));
        var without = temp.Write("none", Kubeconfigs.Single(Cluster(), null));

        // When each is used
        // Then only the first carries the token
        (await AuthorizationSentAsync(withToken)).ShouldBe("Bearer static-token");
        (await AuthorizationSentAsync(without)).ShouldBeNull();
    }
}
