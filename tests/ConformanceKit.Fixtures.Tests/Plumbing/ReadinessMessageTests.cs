using ConformanceKit.Docker;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: what StartAsync says when a (stand-in) k3s never becomes ready or exits while waiting.</summary>
public sealed class ReadinessMessageTests
{
    [Test]
    public async Task Start_ServerThatServesNothing_TimesOutNamingReadyzWithLastLogs()
    {
        // Given a stand-in that writes a kubeconfig, logs a line and serves nothing on 6443
        var docker = await Engine.GetAsync();
        var script = "mkdir -p /etc/rancher/k3s && cat > /etc/rancher/k3s/k3s.yaml <<'EOF'\n"
            + KubeconfigReadTests.K3sStyleKubeconfig + "\nEOF\necho stand-in-serves-nothing; exec sleep 300";
        var options = Engine.StandIn("sh", "-c", script);

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(docker, options, null, keep: false, CancellationToken.None));

        // Then the message names the deadline, what was not ready and the last log lines; the container is gone
        error.Message.ShouldContain("not ready within '00:00:04'");
        error.Message.ShouldContain("/readyz");
        error.Message.ShouldContain("stand-in-serves-nothing");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_WithoutKubeconfig_TimesOutNamingTheKubeconfigNotReadyz()
    {
        // Given a stand-in that never writes a kubeconfig
        var docker = await Engine.GetAsync();
        var options = Engine.StandIn("sh", "-c", "echo no-kubeconfig-here; exec sleep 300");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(docker, options, null, keep: false, CancellationToken.None));

        // Then the message names the kubeconfig stage (not /readyz) and shows the logs
        error.Message.ShouldContain("write its kubeconfig /etc/rancher/k3s/k3s.yaml");
        error.Message.ShouldNotContain("/readyz");
        error.Message.ShouldContain("no-kubeconfig-here");
    }

    [Test]
    public async Task Start_ContainerExitsWhileWaiting_ReportsExitCodeAndLastLogs()
    {
        // Given a stand-in that logs and exits with code 3 once told to, and is told to as soon as the first
        // readiness wait has begun (the gate logs each wait as it starts)
        var docker = await Engine.GetAsync();
        var name = $"ck-plumbing-{Guid.NewGuid():N}";
        Task? release = null;
        var options = Engine.StandIn("sh", "-c", "echo k3s-is-failing-now; while [ ! -f /tmp/exit-now ]; do sleep 0.1; done; exit 3") with
        {
            ReadyTimeout = TimeSpan.FromMinutes(1),
            ContainerName = name,
            Log = line =>
            {
                if (line.StartsWith("waiting for k3s to write its kubeconfig", StringComparison.Ordinal))
                {
                    release = docker.ExecAsync(name, ["touch", "/tmp/exit-now"]);
                }
            },
        };

        // When it is started as a k3s cluster
        var started = DateTimeOffset.UtcNow;
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(docker, options, null, keep: false, CancellationToken.None));
        release.ShouldNotBeNull("the gate should have logged the start of its first wait");
        try
        {
            await release;
        }
        catch (DockerApiException)
        {
            // The container may exit (and be removed) before the exec that released it reports back.
        }

        // Then the exit is reported at once (not after the deadline) with its code and logs, and nothing remains
        error.Message.ShouldContain("exited with code 3 while waiting for k3s to write its kubeconfig");
        error.Message.ShouldContain("k3s-is-failing-now");
        error.Message.ShouldNotContain("not ready within");
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_ContainerExitsAtOnce_ReportsExitCodeAndLastLogs()
    {
        // Given a stand-in that logs and exits with code 3 immediately
        var docker = await Engine.GetAsync();
        var options = Engine.StandIn("sh", "-c", "echo gone-at-once; exit 3");

        // When it is started as a k3s cluster
        var error = await Should.ThrowAsync<ClusterStartException>(() => K3sCluster.StartAsync(docker, options, null, keep: false, CancellationToken.None));

        // Then the exit code and logs are reported (whether it was seen at start or while waiting), and nothing remains
        error.Message.ShouldContain("exited with code 3");
        error.Message.ShouldContain("gone-at-once");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }
}
