using ConformanceKit.Fixtures.Engine;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Kube.Api;
using ConformanceKit.Kube.Config;

namespace ConformanceKit.Cli;

/// <summary>
/// Removes what earlier runs on this host left behind when their process is gone: containers in the Docker engine,
/// or, with --kubeconfig, namespaces and StorageClasses in that cluster. Never unlabelled, kept or live runs' ones.
/// </summary>
internal static class SweepCommand
{
    public static Task<int> RunAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken) =>
        options.Cluster == ClusterKind.Kubeconfig
            ? SweepClusterAsync(options, output, cancellationToken)
            : SweepEngineAsync(output, cancellationToken);

    private static async Task<int> SweepEngineAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var docker = await DockerEngine.ConnectAsync(line => output.WriteLine(line), cancellationToken).ConfigureAwait(false);
        var removed = await new LeftoverSweeper(docker.Client, line => output.WriteLine(line)).SweepAsync(null, cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"sweep: removed {removed.Count} leftover container(s)").ConfigureAwait(false);
        return CkCommand.Ok;
    }

    private static async Task<int> SweepClusterAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        KubeConnection connection;
        try
        {
            connection = KubeConfigLoader.Load(options.Kubeconfig, options.Context);
        }
        catch (KubeConfigException error)
        {
            throw new ClusterStartException($"{error.Message.TrimEnd('.')}. Pass a working kubeconfig with --kubeconfig PATH (and --context NAME).", error);
        }

        using var client = KubeClient.Create(connection, new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(10) });
        IReadOnlyList<string> removed;
        try
        {
            removed = await new ClusterLeftoverSweeper(client, line => output.WriteLine(line)).SweepAsync("", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is KubeUnreachableException or KubeApiException)
        {
            throw new ClusterStartException($"Sweeping {connection.Server} ({connection.Source}) failed: {error.Message}", error);
        }

        await output.WriteLineAsync($"sweep: removed {removed.Count} leftover namespace(s) and class(es) from {connection.Server}").ConfigureAwait(false);
        return CkCommand.Ok;
    }
}
