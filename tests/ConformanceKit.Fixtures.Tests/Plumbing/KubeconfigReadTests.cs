using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: k3s's kubeconfig read out of a stand-in container through Testcontainers.K3s, pointed at the mapped port.</summary>
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

    /// <summary>A stand-in script that writes <paramref name="kubeconfig"/> where k3s writes its own.</summary>
    internal static string Writes(string kubeconfig) =>
        $"mkdir -p /etc/rancher/k3s && cat > {K3sCluster.KubeconfigPath} <<'EOF'\n{kubeconfig}\nEOF\n";

    [Test]
    public async Task GetKubeconfig_FromStandIn_PointsServerAtMappedPort()
    {
        // Given a started stand-in whose kubeconfig says https://127.0.0.1:6443
        var engine = await Engine.GetAsync();
        await using var cluster = await K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn(Writes(K3sStyleKubeconfig) + "exec sleep 300"), keep: false, CancellationToken.None);
        var mapped = cluster.Container.GetMappedPublicPort(6443);

        // When the cluster reads it
        var text = await cluster.GetKubeconfigAsync(CancellationToken.None);
        var connection = cluster.CreateConnection();

        // Then the server is the mapped host port, not 6443, and the rest of the file survived
        mapped.ShouldNotBe((ushort)6443);
        connection.Server.Port.ShouldBe(mapped);
        connection.Server.Host.ShouldBe("127.0.0.1");
        cluster.Server.ShouldBe(new Uri($"https://127.0.0.1:{mapped}"));
        text.ShouldNotContain("127.0.0.1:6443");
        text.ShouldContain("plumbing-token");
    }

    [Test]
    public async Task GetKubeconfig_WhenK3sHasNotWrittenIt_FailsAndNoConnectionCanBeMade()
    {
        // Given a started stand-in without a kubeconfig
        var engine = await Engine.GetAsync();
        await using var cluster = await K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn("exec sleep 300"), keep: false, CancellationToken.None);

        // When the kubeconfig is read, Then it fails, and no connection can be made
        await Should.ThrowAsync<Exception>(() => cluster.GetKubeconfigAsync(CancellationToken.None));
        Should.Throw<InvalidOperationException>(() => cluster.CreateConnection()).Message.ShouldContain("GetKubeconfigAsync");
    }

    [Test]
    public async Task WaitReady_KubeconfigCutShort_KeepsWaitingForTheWholeFile()
    {
        // Given a stand-in where k3s's kubeconfig is cut off before its users (a read during the write)
        var engine = await Engine.GetAsync();
        var cut = K3sStyleKubeconfig[..K3sStyleKubeconfig.IndexOf("users:", StringComparison.Ordinal)];
        await using var cluster = await K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn(Writes(cut) + "exec sleep 300"), keep: false, CancellationToken.None);

        // When readiness is awaited
        var error = await Should.ThrowAsync<ClusterStartException>(() => cluster.WaitReadyAsync(null, CancellationToken.None));

        // Then it ran out waiting for the kubeconfig itself (not for the API), naming the path
        error.Message.ShouldContain($"k3s to write its kubeconfig {K3sCluster.KubeconfigPath}");
        error.Message.ShouldNotContain("/readyz");
    }

    [Test]
    public async Task Dispose_RemovesTheContainer_UnlessKept()
    {
        // Given two started stand-ins, one kept
        var engine = await Engine.GetAsync();
        var removed = await K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn("exec sleep 300"), keep: false, CancellationToken.None);
        var kept = await K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn("exec sleep 300"), keep: true, CancellationToken.None);
        var (removedId, keptId) = (removed.ContainerId, kept.ContainerId);
        try
        {
            // When both are disposed
            await removed.DisposeAsync();
            await kept.DisposeAsync();

            // Then only the kept one remains, still running
            (await Engine.InspectAsync(removedId)).ShouldBeNull();
            var keptState = await Engine.InspectAsync(keptId);
            keptState.ShouldNotBeNull();
            keptState!.State!.Running.ShouldBeTrue();
        }
        finally
        {
            await Engine.RemoveAsync(keptId);
        }
    }
}
