using ConformanceKit.Fixtures.Engine;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>The real local engine (as the product connects to it), the local busybox image and this test run's session labels.</summary>
internal static class Engine
{
    public static readonly RunSession Run = RunSession.Create();

    private static readonly Lazy<Task<DockerEngine>> Connection = new(ConnectAsync);

    public static string Image => LocalBusyboxImage.Tag;

    /// <summary>
    /// The engine. When no engine answers the test fails with the reason (CI starts one with .ci/ensure-docker.sh):
    /// a skipped plumbing test would let a run without an engine pass.
    /// </summary>
    public static async Task<DockerEngine> GetAsync()
    {
        try
        {
            return await Connection.Value;
        }
        catch (ClusterStartException error)
        {
            throw new NoEngineException($"plumbing tests need a Docker engine: {error.Message}", error);
        }
    }

    /// <summary>k3s options that run the local busybox instead of k3s, unprivileged, labelled with this run.</summary>
    public static K3sOptions StandIn(params string[] command) => K3sOptions.Default with
    {
        Image = Image,
        Command = command,
        Privileged = false,
        Labels = Run.Labels,
        ReadyTimeout = TimeSpan.FromSeconds(6),
        Log = line => TestContext.Progress.WriteLine(line),
    };

    /// <summary>A stand-in script that logs what K3sBuilder's wait looks for, then runs <paramref name="rest"/>.</summary>
    public static K3sOptions StartedStandIn(string rest) => StandIn("sh", "-c", $"echo '{K3sCluster.StartedMessage}'; {rest}");

    public static async Task<IList<ContainerListResponse>> OwnContainersAsync()
    {
        var engine = await GetAsync();
        return await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{SessionLabels.Session}={Run.Id}"] = true } },
        });
    }

    public static async Task<ContainerInspectResponse?> InspectAsync(string id)
    {
        var engine = await GetAsync();
        try
        {
            return await engine.Client.Containers.InspectContainerAsync(id);
        }
        catch (Docker.DotNet.DockerContainerNotFoundException)
        {
            return null;
        }
    }

    public static async Task RemoveAsync(string id)
    {
        var engine = await GetAsync();
        try
        {
            await engine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
        catch (Docker.DotNet.DockerContainerNotFoundException)
        {
            // already gone
        }
    }

    private static async Task<DockerEngine> ConnectAsync()
    {
        var engine = await DockerEngine.ConnectAsync(line => TestContext.Progress.WriteLine(line), CancellationToken.None);
        await LocalBusyboxImage.EnsureAsync(engine);
        return engine;
    }
}
