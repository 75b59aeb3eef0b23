using ConformanceKit.Docker;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>The k3s create request, and what it means for the sweep: a kept cluster survives later runs.</summary>
public sealed class K3sContainerSpecTests
{
    [Test]
    public void Spec_FromDefaults_IsWhatK3sNeedsInDocker()
    {
        // Given the one place of defaults
        var options = K3sOptions.Default with { Labels = Engine.Run.Labels };

        // When the create request is made from it
        var spec = K3sContainer.SpecFor(options);

        // Then the image's entrypoint (/bin/k3s) gets "server ..." as arguments, privileged, tmpfs /run and /var/run,
        // 6443 on a random 127.0.0.1 port, a certificate valid for 127.0.0.1, and the engine's cgroup namespace
        spec.Entrypoint.ShouldBeNull();
        spec.Cmd.ShouldNotBeNull();
        spec.Cmd[0].ShouldBe("server");
        spec.Cmd.ShouldContain("--disable=traefik");
        spec.Cmd.ShouldContain("--disable=metrics-server");
        spec.Cmd.ShouldContain("--tls-san=127.0.0.1");
        spec.Privileged.ShouldBeTrue();
        spec.Tmpfs.ShouldNotBeNull();
        spec.Tmpfs.Keys.ShouldBe(["/run", "/var/run"], ignoreOrder: true);
        spec.ExposedPorts.ShouldBe(["6443/tcp"]);
        spec.PublishHostIp.ShouldBe("127.0.0.1");
        spec.CgroupnsMode.ShouldBeNull("'host' would make concurrent runs' kubelets share and clean up the host's kubepods cgroup");
        spec.Labels.ShouldNotBeNull();
        spec.Labels[SessionLabels.Session].ShouldBe(Engine.Run.Id);
        spec.Labels.ContainsKey(SessionLabels.Kept).ShouldBeFalse();
    }

    [Test]
    public async Task Sweep_DeadRunsKeptCluster_IsLeft_UnkeptOneIsRemoved()
    {
        // Given two containers of a dead run, one created as a kept cluster (--keep-cluster), one not
        var docker = await Engine.GetAsync();
        var dead = DeadRun.Create();
        var options = Engine.StandIn("sleep", "300") with
        {
            Labels = new Dictionary<string, string>(dead.Labels) { ["conformancekit.test/owner"] = Engine.Run.Id },
        };
        var keptId = await docker.CreateContainerAsync(K3sContainer.SpecFor(options, keep: true));
        var unkeptId = await docker.CreateContainerAsync(K3sContainer.SpecFor(options, keep: false));
        try
        {
            // When a new run sweeps
            var removed = await new LeftoverSweeper(docker).SweepAsync(Engine.Run.Id, CancellationToken.None);

            // Then the kept cluster is still there and the unkept one is gone
            removed.ShouldContain(unkeptId);
            removed.ShouldNotContain(keptId);
            (await docker.InspectContainerAsync(keptId)).ShouldNotBeNull();
            (await docker.InspectContainerAsync(unkeptId)).ShouldBeNull();
        }
        finally
        {
            await docker.RemoveContainerAsync(keptId);
            await docker.RemoveContainerAsync(unkeptId);
        }
    }
}
