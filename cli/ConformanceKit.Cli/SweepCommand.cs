using ConformanceKit.Docker;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Cli;

/// <summary>Removes containers of earlier runs whose owning process is gone (never unlabelled ones, never live runs').</summary>
internal static class SweepCommand
{
    public static async Task<int> RunAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        _ = options;
        var endpoint = DockerEndpoint.FromEnvironment();
        using var docker = DockerClient.Create(endpoint);
        IReadOnlyList<string> removed;
        try
        {
            removed = await new LeftoverSweeper(docker, line => output.WriteLine(line)).SweepAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerUnavailableException problem)
        {
            throw new ClusterStartException($"No Docker engine answered at {endpoint} ({problem.Reason}); there is nothing to sweep without one.");
        }

        await output.WriteLineAsync($"sweep: removed {removed.Count} leftover container(s)").ConfigureAwait(false);
        return CkCommand.Ok;
    }
}
