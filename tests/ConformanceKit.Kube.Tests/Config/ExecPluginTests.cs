using ConformanceKit.Kube.Config;
using ConformanceKit.TestSupport.Pki;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Kube.Tests.Config;

public sealed class ExecPluginTests
{
    private const string Script = """
        #!/bin/bash
        echo run >> "$COUNT_FILE"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$INFO_FILE"
        n=$(wc -l < "$COUNT_FILE" | tr -d ' ')
        sed "s/RUN_NUMBER/$n/" "$CRED_FILE"
        """;

    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private TempDirectory temp = null!;
    private ManualTimeProvider time = null!;
    private KubeConfigSettings settings = null!;

    [SetUp]
    public void SetUp()
    {
        temp = new TempDirectory();
        time = new ManualTimeProvider(Start);
        settings = new KubeConfigSettings { Time = time, ServiceAccountRoot = Path.Combine(temp.Path, "sa"), ExecTimeout = TimeSpan.FromSeconds(30) };
        temp.WriteExecutable("bin/plugin.sh", Script);
    }

    [TearDown]
    public void TearDown() => temp.Dispose();

    private int Runs => File.Exists(Path.Combine(temp.Path, "count")) ? File.ReadAllLines(Path.Combine(temp.Path, "count")).Length : 0;

    [TestCase("client.authentication.k8s.io/v1")]
    [TestCase("client.authentication.k8s.io/v1beta1")]
    public async Task Token_IsCachedUntilExpirationTimestamp(string apiVersion)
    {
        // Given a plugin printing a token that expires in ten minutes
        var path = WriteKubeconfig(apiVersion, Credential(apiVersion, Start.AddMinutes(10)));
        var credentials = KubeConfigLoader.Load(path, null, null, settings).Credentials!;

        // When the token is asked for twice before expiry
        var first = await credentials.GetTokenAsync(CancellationToken.None);
        var second = await credentials.GetTokenAsync(CancellationToken.None);

        // Then the plugin ran once
        first.ShouldBe("token-1");
        second.ShouldBe("token-1");
        Runs.ShouldBe(1);

        // And after the expiry it runs again
        time.Advance(TimeSpan.FromMinutes(11));
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("token-2");
        Runs.ShouldBe(2);
    }

    [Test]
    public async Task Invalidate_RunsThePluginAgain()
    {
        // Given a plugin whose token never expires, already run once
        var path = WriteKubeconfig(ExecPluginConfig.V1, Credential(ExecPluginConfig.V1, null));
        var credentials = KubeConfigLoader.Load(path, null, null, settings).Credentials!;
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("token-1");
        time.Advance(TimeSpan.FromDays(365));
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("token-1");

        // When the token is invalidated (as after a 401)
        credentials.Invalidate();

        // Then the next call runs the plugin again
        (await credentials.GetTokenAsync(CancellationToken.None)).ShouldBe("token-2");
        Runs.ShouldBe(2);
    }

    [Test]
    public void MissingCommand_MessageIncludesTheInstallHint()
    {
        // Given an exec user whose command does not exist
        var path = WriteKubeconfig(ExecPluginConfig.V1, "{}", command: "./bin/no-such-plugin");

        // When it is loaded
        var message = Should.Throw<KubeConfigException>(() => KubeConfigLoader.Load(path, null, null, settings)).Message;

        // Then the message names the field, the command and the hint
        message.ShouldStartWith($"kubeconfig {path}: users[ci].exec.command: './bin/no-such-plugin' not found");
        message.ShouldEndWith("Install hint: install ck-login from the team wiki");
    }

    [Test]
    public void NonZeroExit_MessageIncludesStderr()
    {
        // Given a plugin that fails with a message on stderr
        temp.WriteExecutable("bin/failing.sh", "#!/bin/bash\necho 'error: not logged in, run ck-login' >&2\nexit 3\n");
        var path = WriteKubeconfig(ExecPluginConfig.V1, "{}", command: "./bin/failing.sh");

        // When it is loaded
        var message = Should.Throw<KubeConfigException>(() => KubeConfigLoader.Load(path, null, null, settings)).Message;

        // Then the exit code and stderr are in the message
        message.ShouldStartWith($"kubeconfig {path}: users[ci].exec.command: './bin/failing.sh' exited with code 3: error: not logged in, run ck-login");
        message.ShouldContain("Install hint:");
    }

    [Test]
    public void PluginOnPath_IsFoundByBareName()
    {
        // Given the plugin reachable only through PATH
        var path = WriteKubeconfig(ExecPluginConfig.V1, Credential(ExecPluginConfig.V1, null), command: "plugin.sh");
        var env = new Dictionary<string, string?> { ["PATH"] = $"{Path.Combine(temp.Path, "bin")}:{Environment.GetEnvironmentVariable("PATH")}" };

        // When it is loaded with and without that PATH
        var connection = KubeConfigLoader.Load(path, null, env, settings);

        // Then it runs, and without the directory on PATH it is not found
        connection.Credentials.ShouldNotBeNull();
        Should.Throw<KubeConfigException>(() => KubeConfigLoader.Load(path, null, new Dictionary<string, string?> { ["PATH"] = "/nonexistent" }, settings))
            .Message.ShouldContain("not found on PATH (/nonexistent)");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ProvideClusterInfo_PassesTheClusterInKubernetesExecInfo(bool provide)
    {
        // Given a plugin with provideClusterInfo on or off
        var path = WriteKubeconfig(ExecPluginConfig.V1, Credential(ExecPluginConfig.V1, null), provideClusterInfo: provide);

        // When it is loaded (which runs the plugin)
        KubeConfigLoader.Load(path, null, null, settings);

        // Then KUBERNETES_EXEC_INFO carries spec.cluster only when asked for
        var info = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "info"))).RootElement;
        info.GetProperty("apiVersion").GetString().ShouldBe(ExecPluginConfig.V1);
        info.GetProperty("spec").GetProperty("interactive").GetBoolean().ShouldBeFalse();
        info.GetProperty("spec").TryGetProperty("cluster", out var cluster).ShouldBe(provide);
        if (provide)
        {
            cluster.GetProperty("server").GetString().ShouldBe("https://127.0.0.1:6443");
            cluster.GetProperty("tls-server-name").GetString().ShouldBe("kube.test");
        }
    }

    [Test]
    public void ClientCertificateFromPlugin_IsSetOnTheConnection()
    {
        // Given a plugin printing a client certificate and key instead of a token
        using var pki = TestPki.Create();
        var client = pki.IssueEcClient("exec-user");
        var status = new Dictionary<string, string>
        {
            ["clientCertificateData"] = TestPki.CertificatePem(client),
            ["clientKeyData"] = TestPki.EcKeyPem(client),
        };
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["apiVersion"] = ExecPluginConfig.V1, ["kind"] = "ExecCredential", ["status"] = status });
        var path = WriteKubeconfig(ExecPluginConfig.V1, json);

        // When it is loaded
        var connection = KubeConfigLoader.Load(path, null, null, settings);

        // Then the certificate is on the connection and there is no bearer token
        connection.ClientCertificate!.Thumbprint.ShouldBe(client.Thumbprint);
        connection.ClientCertificate.HasPrivateKey.ShouldBeTrue();
        connection.Credentials.ShouldBeNull();
    }

    [Test]
    public void WrongApiVersionPrinted_IsRejected()
    {
        // Given a plugin configured for v1 that prints a v1beta1 credential
        var path = WriteKubeconfig(ExecPluginConfig.V1, Credential(ExecPluginConfig.V1Beta1, null));

        // When it is loaded
        // Then the mismatch is reported
        Should.Throw<KubeConfigException>(() => KubeConfigLoader.Load(path, null, null, settings))
            .Message.ShouldContain($"printed apiVersion '{ExecPluginConfig.V1Beta1}', kind 'ExecCredential'; expected {ExecPluginConfig.V1} ExecCredential");
    }

    private static string Credential(string apiVersion, DateTimeOffset? expiry)
    {
        var expiration = expiry is { } e ? $", \"expirationTimestamp\": \"{e:yyyy-MM-ddTHH:mm:ssZ}\"" : "";
        return $$$"""{"apiVersion": "{{{apiVersion}}}", "kind": "ExecCredential", "status": {"token": "token-RUN_NUMBER"{{{expiration}}}}}""";
    }

    private string WriteKubeconfig(string apiVersion, string credentialJson, string command = "./bin/plugin.sh", bool provideClusterInfo = false)
    {
        var credentialFile = temp.Write("credential.json", credentialJson);
        return temp.Write("config", Kubeconfigs.Single(
            ["server: https://127.0.0.1:6443", "tls-server-name: kube.test"],
            [
                "exec:",
                $"  apiVersion: {apiVersion}",
                $"  command: {command}",
                "  interactiveMode: Never",
                $"  provideClusterInfo: {(provideClusterInfo ? "true" : "false")}",
                "  installHint: install ck-login from the team wiki",
                "  env:",
                $"  - {{name: COUNT_FILE, value: {Path.Combine(temp.Path, "count")}}}",
                $"  - {{name: INFO_FILE, value: {Path.Combine(temp.Path, "info")}}}",
                $"  - {{name: CRED_FILE, value: {credentialFile}}}",
            ]));
    }
}
