using ConformanceKit.Docker;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>The real local engine, the local busybox image and this test run's session labels.</summary>
internal static class Engine
{
    public static readonly RunSession Run = RunSession.Create();

    private static readonly Lazy<Task<DockerClient>> Client = new(ConnectAsync);

    public static string Image => LocalBusyboxImage.DefaultTag;

    /// <summary>
    /// The engine client. When no engine answers the test fails with the reason (like the engine client's tests;
    /// CI starts one with .ci/ensure-docker.sh): a skipped plumbing test would let a run without an engine pass.
    /// </summary>
    public static async Task<DockerClient> GetAsync()
    {
        try
        {
            return await Client.Value;
        }
        catch (DockerUnavailableException error)
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
        ReadyTimeout = TimeSpan.FromSeconds(4),
        StopTimeout = TimeSpan.FromSeconds(1),
        Log = line => TestContext.Progress.WriteLine(line),
    };

    public static async Task<IReadOnlyList<ContainerSummary>> OwnContainersAsync()
    {
        var docker = await GetAsync();
        return await docker.ListContainersAsync($"{SessionLabels.Session}={Run.Id}");
    }

    private static async Task<DockerClient> ConnectAsync()
    {
        var docker = DockerClient.Create(DockerEndpoint.FromEnvironment());
        await docker.PingAsync();
        await LocalBusyboxImage.EnsureAsync(docker);
        return docker;
    }
}
