using System.Reflection;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using Testcontainers.K3s;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>
/// The k3s container as the product configures it, read from the builder without starting it (k3s itself cannot
/// start on these machines), and what the kept label means for the sweep.
/// </summary>
public sealed class K3sBuilderConfigurationTests
{
    private string folder = "";

    private List<(string Source, string Target)> Tarballs =>
    [
        (Path.Combine(folder, "k3s-airgap-images-amd64.tar.zst"), $"{ImageTarballs.Directory}/k3s-airgap-images-amd64.tar.zst"),
        (Path.Combine(folder, "saved.tar"), ImageTarballs.TargetFor("team/app:1.2")),
    ];

    [SetUp]
    public void CreateTarballs()
    {
        folder = Directory.CreateTempSubdirectory("ck-builder-").FullName;
        foreach (var (source, _) in Tarballs)
        {
            File.WriteAllText(source, "stand-in tarball");
        }
    }

    [TearDown]
    public void DeleteTarballs() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Builder_FromDefaults_IsWhatK3sNeedsInDocker()
    {
        // Given the one place of our defaults, the session labels and two tarballs
        _ = await Engine.GetAsync();
        var options = K3sOptions.Default with { Labels = Engine.Run.Labels, ContainerName = Engine.Run.Id };

        // When the builder is made from them
        var configuration = ConfigurationOf(K3sClusterBuilder.For(options, keep: false, Tarballs));

        // Then: the pinned image, our command instead of K3sBuilder's (not appended to it), privileged, the API port
        // published, the tarballs mapped into k3s's images folder, the session labels and name, K3sBuilder's wait
        configuration.Image.FullName.ShouldBe(K3sOptions.Default.Image);
        configuration.Command.ShouldBe(["server", "--disable=traefik", "--disable=metrics-server", "--tls-san=127.0.0.1", "--tls-san=localhost"]);
        configuration.Privileged.ShouldBe(true);
        configuration.PortBindings.Keys.ShouldContain(k => k.StartsWith("6443", StringComparison.Ordinal));
        configuration.ResourceMappings.Select(m => m.Target).ShouldBe(Tarballs.Select(t => t.Target), ignoreOrder: true);
        foreach (var mapping in configuration.ResourceMappings)
        {
            System.Text.Encoding.UTF8.GetString(await mapping.GetAllBytesAsync()).ShouldBe("stand-in tarball");
        }

        configuration.Labels[SessionLabels.Session].ShouldBe(Engine.Run.Id);
        configuration.Labels[SessionLabels.Pid].ShouldBe(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        configuration.Labels.ContainsKey(SessionLabels.Kept).ShouldBeFalse();
        configuration.Name.ShouldBe(Engine.Run.Id);
        configuration.WaitStrategies.ShouldNotBeEmpty();
    }

    [Test]
    public async Task CreateRequest_OfOurBuilder_OwnCgroupNamespaceLoopbackPortsPrivileged_ButNotK3sBuildersAlone()
    {
        // Given the create request K3sBuilder's defaults make: host cgroup namespace, the host's cgroup tree, all addresses
        _ = await Engine.GetAsync();
        var ours = ConfigurationOf(K3sClusterBuilder.For(K3sOptions.Default with { Labels = Engine.Run.Labels }, keep: false, []));
        var plain = ConfigurationOf(new K3sBuilder(K3sOptions.Default.Image));

        // When each builder's modifiers are applied to it
        var fromOurs = Apply(ours);
        var fromPlain = Apply(plain);

        // Then ours leaves the namespace to the engine, drops the host's cgroup tree and binds ports to 127.0.0.1;
        // K3sBuilder alone (the negative control) keeps "host" and the mount
        fromOurs.HostConfig!.CgroupnsMode.ShouldBe("");
        fromOurs.HostConfig.Mounts!.ShouldNotContain(m => m.Target == K3sClusterBuilder.HostCgroupMount);
        fromOurs.HostConfig.PortBindings!.Values.SelectMany(b => b).ShouldAllBe(b => b.HostIP == "127.0.0.1");
        fromOurs.HostConfig.Privileged.ShouldBeTrue();
        fromPlain.HostConfig!.CgroupnsMode.ShouldBe("host");
        fromPlain.HostConfig.Mounts!.ShouldContain(m => m.Target == K3sClusterBuilder.HostCgroupMount);
    }

    [Test]
    public async Task Builder_Kept_CarriesTheKeptLabelAndLeavesTheReapersSession()
    {
        // Given the defaults, When the builder is made for a kept cluster (--keep-cluster)
        _ = await Engine.GetAsync();
        var kept = ConfigurationOf(K3sClusterBuilder.For(K3sOptions.Default with { Labels = Engine.Run.Labels }, keep: true, []));
        var removed = ConfigurationOf(K3sClusterBuilder.For(K3sOptions.Default with { Labels = Engine.Run.Labels }, keep: false, []));

        // Then it carries the kept label and no reaper session; an unkept one is in the reaper's session
        kept.Labels[SessionLabels.Kept].ShouldBe("true");
        kept.SessionId.ShouldBe(Guid.Empty);
        removed.SessionId.ShouldNotBe(Guid.Empty);
    }

    [Test]
    public async Task Sweep_DeadRunsKeptCluster_IsLeft_UnkeptOneIsRemoved()
    {
        // Given two started stand-ins of a dead run, one kept (--keep-cluster), one not
        var engine = await Engine.GetAsync();
        var dead = DeadRun.Create();
        var options = Engine.StartedStandIn("exec sleep 300") with
        {
            Labels = new Dictionary<string, string>(dead.Labels) { ["conformancekit.test/owner"] = Engine.Run.Id },
        };
        var kept = await K3sCluster.StartContainerOnlyAsync(engine, options, keep: true, CancellationToken.None);
        var unkept = await K3sCluster.StartContainerOnlyAsync(engine, options, keep: false, CancellationToken.None);
        var (keptId, unkeptId) = (kept.ContainerId, unkept.ContainerId);
        try
        {
            // When a new run sweeps
            var removed = await new LeftoverSweeper(engine.Client).SweepAsync(Engine.Run.Id, CancellationToken.None);

            // Then the kept cluster is still there and the unkept one is gone
            removed.ShouldContain(unkeptId);
            removed.ShouldNotContain(keptId);
            (await Engine.InspectAsync(keptId)).ShouldNotBeNull();
            (await Engine.InspectAsync(unkeptId)).ShouldBeNull();
        }
        finally
        {
            await Engine.RemoveAsync(keptId);
            await Engine.RemoveAsync(unkeptId);
        }
    }

    /// <summary>The builder's configuration; Testcontainers keeps it protected, so it is read by reflection here.</summary>
    private static IContainerConfiguration ConfigurationOf(K3sBuilder builder) =>
        (IContainerConfiguration)typeof(K3sBuilder).GetProperty("DockerResourceConfiguration", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)!.GetValue(builder)!;

    private static CreateContainerParameters Apply(IContainerConfiguration configuration)
    {
        var parameters = new CreateContainerParameters
        {
            HostConfig = new HostConfig
            {
                Privileged = true,
                Mounts = [new Mount { Type = "bind", Source = K3sClusterBuilder.HostCgroupMount, Target = K3sClusterBuilder.HostCgroupMount }],
                PortBindings = new Dictionary<string, IList<PortBinding>> { ["6443/tcp"] = [new PortBinding { HostPort = "" }] },
            },
        };
        foreach (var modify in configuration.ParameterModifiers)
        {
            modify(parameters);
        }

        return parameters;
    }
}
