using System.Text;
using ConformanceKit.Docker;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: k3s's kubeconfig read out of a stand-in busybox container and pointed at the mapped port.</summary>
public sealed class KubeconfigReadTests
{
    internal const string K3sStyleKubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            insecure-skip-tls-verify: true
            server: https://127.0.0.1:6443
          name: default
        contexts:
        - context:
            cluster: default
            user: default
          name: default
        current-context: default
        kind: Config
        preferences: {}
        users:
        - name: default
          user:
            token: plumbing-token
        """;

    [Test]
    public async Task GetKubeconfig_FromContainer_PointsServerAtMappedPort()
    {
        // Given a stand-in container with k3s's kubeconfig at /etc/rancher/k3s/k3s.yaml
        var docker = await Engine.GetAsync();
        await using var cluster = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);
        (await docker.ExecAsync(cluster.ContainerId, ["mkdir", "-p", "/etc/rancher/k3s"])).ExitCode.ShouldBe(0);
        await docker.PutFileAsync(cluster.ContainerId, "/etc/rancher/k3s/k3s.yaml", Encoding.UTF8.GetBytes(K3sStyleKubeconfig));
        var mapped = (await docker.InspectContainerAsync(cluster.ContainerId))!.HostPort(6443);

        // When the cluster reads it through the archive API
        var text = await cluster.GetKubeconfigAsync(CancellationToken.None);
        var connection = cluster.CreateConnection();

        // Then the server is the mapped host port, not 6443, and the rest of the file survived
        mapped.ShouldNotBe(6443);
        connection.Server.ShouldBe(new Uri($"https://127.0.0.1:{mapped}"));
        text.ShouldContain($"server: https://127.0.0.1:{mapped}");
        text.ShouldNotContain("127.0.0.1:6443");
        text.ShouldContain("plumbing-token");
    }

    [Test]
    public async Task GetKubeconfig_WhenK3sHasNotWrittenIt_NamesTheMissingPath()
    {
        // Given a stand-in container without a kubeconfig
        var docker = await Engine.GetAsync();
        await using var cluster = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);

        // When the kubeconfig is read
        var error = await Should.ThrowAsync<DockerApiException>(() => cluster.GetKubeconfigAsync(CancellationToken.None));

        // Then the engine's refusal names the path, and no connection can be made
        error.Message.ShouldContain("k3s.yaml");
        Should.Throw<InvalidOperationException>(() => cluster.CreateConnection()).Message.ShouldContain("GetKubeconfigAsync");
    }

    [Test]
    public async Task WaitReady_KubeconfigCutShort_KeepsWaitingForTheWholeFile()
    {
        // Given a stand-in container where k3s's kubeconfig is cut off before its users (a read during the write)
        var docker = await Engine.GetAsync();
        await using var cluster = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);
        (await docker.ExecAsync(cluster.ContainerId, ["mkdir", "-p", "/etc/rancher/k3s"])).ExitCode.ShouldBe(0);
        var cut = K3sStyleKubeconfig[..K3sStyleKubeconfig.IndexOf("users:", StringComparison.Ordinal)];
        await docker.PutFileAsync(cluster.ContainerId, "/etc/rancher/k3s/k3s.yaml", Encoding.UTF8.GetBytes(cut));

        // When readiness is awaited
        var error = await Should.ThrowAsync<ConformanceKit.Fixtures.Session.ClusterStartException>(() => cluster.WaitReadyAsync(null, CancellationToken.None));

        // Then it ran out waiting for the kubeconfig itself (not for the API), naming the path and the load problem
        error.Message.ShouldContain("k3s to write its kubeconfig /etc/rancher/k3s/k3s.yaml");
        error.Message.ShouldNotContain("/readyz");
    }

    [Test]
    public async Task Dispose_RemovesTheContainer_UnlessKept()
    {
        // Given two stand-in containers, one kept
        var docker = await Engine.GetAsync();
        var removed = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);
        var kept = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: true, CancellationToken.None);

        // When both are disposed
        await removed.DisposeAsync();
        await kept.DisposeAsync();

        // Then only the kept one remains (and the test removes it)
        (await docker.InspectContainerAsync(removed.ContainerId)).ShouldBeNull();
        (await docker.InspectContainerAsync(kept.ContainerId)).ShouldNotBeNull();
        await docker.RemoveContainerAsync(kept.ContainerId);
    }

    [Test]
    public void RewriteServer_EveryCluster_IsPointedAtTheHostPort()
    {
        // Given a kubeconfig with two clusters
        var yaml = K3sStyleKubeconfig.Replace("clusters:\n", "clusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: other\n");

        // When the server is rewritten
        var rewritten = K3sKubeconfig.RewriteServer(yaml, new Uri("https://127.0.0.1:40123"), "test");

        // Then both clusters point at the host port
        rewritten.Split("server: https://127.0.0.1:40123").Length.ShouldBe(3);
        rewritten.ShouldNotContain(":6443");
    }

    [Test]
    public void RewriteServer_NotAKubeconfig_SaysSo()
    {
        // Given YAML without clusters, and text that is not YAML
        // When each is rewritten, Then the message names the source and the problem
        Should.Throw<FormatException>(() => K3sKubeconfig.RewriteServer("kind: Config\n", new Uri("https://127.0.0.1:1"), "k3s.yaml"))
            .Message.ShouldContain("k3s.yaml has no clusters");
        Should.Throw<FormatException>(() => K3sKubeconfig.RewriteServer("clusters: [oops\n", new Uri("https://127.0.0.1:1"), "k3s.yaml"))
            .Message.ShouldContain("not valid YAML");
    }

    [Test]
    public void LoadFromText_OfTheRewrittenFile_Parses()
    {
        // Given the rewritten k3s kubeconfig, When loaded, Then it yields the host port and the token user
        var rewritten = K3sKubeconfig.RewriteServer(K3sStyleKubeconfig, new Uri("https://127.0.0.1:40124"), "test");
        var connection = KubeconfigLoader.LoadFromText(rewritten, "test", null);
        connection.Server.Port.ShouldBe(40124);
        connection.Configuration.AccessToken.ShouldNotBeNullOrEmpty();
    }
}
