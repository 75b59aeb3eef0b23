using ConformanceKit.Fixtures.Engine;
using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Cli;

/// <summary>
/// Checks the target before the suite: for a kubeconfig, that it parses, the API answers, the permissions and the
/// storage classes (each printed with its provisioner, binding mode, reclaim policy and expansion) and, with a
/// workload, that the cluster serves its kinds and has its claims' classes (<see cref="WorkloadPreflight"/>); for k3s, that
/// the engine answers (and settles the API version an older engine needs), that Testcontainers' resource reaper can
/// start when it is on, that every image to load into k3s exists, and that the k3s image is present, else loads it from
/// its archive or pulls it (so "pullable" is proven, and the suite finds it present).
/// </summary>
internal static class PreflightCommand
{
    public static async Task<int> RunAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var line = options.Cluster == ClusterKind.Kubeconfig
            ? await CheckExistingAsync(options, output, cancellationToken).ConfigureAwait(false)
            : await CheckEngineAsync(options, output, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"preflight ok: {line}").ConfigureAwait(false);
        return CkCommand.Ok;
    }

    private static async Task<string> CheckExistingAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var cluster = await ExistingCluster.AttachAsync(options, warning => output.WriteLine($"warning: {warning}"), cancellationToken).ConfigureAwait(false);
        foreach (var storageClass in cluster.StorageClassObjects)
        {
            await output.WriteLineAsync(ClusterPreflight.Describe(storageClass)).ConfigureAwait(false);
        }

        if (options.WorkloadManifests.Count > 0)
        {
            using var client = ConformanceKit.Scenarios.Kubernetes.KubeClient.Create(cluster.Connection);
            await output.WriteLineAsync(await WorkloadPreflight.CheckAsync(client, options, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return cluster.Description;
    }

    private static async Task<string> CheckEngineAsync(ConformanceOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var docker = await DockerEngine.ConnectAsync(line => output.WriteLine(line), cancellationToken).ConfigureAwait(false);
        var endpoint = docker.Endpoint;
        K3sCluster.EnsureReachable(endpoint, K3sOptions.Default);
        await ResourceReaperGate.EnsureAsync(docker, line => output.WriteLine(line), cancellationToken).ConfigureAwait(false);

        foreach (var file in options.K3sAirgapImages.Where(f => !File.Exists(f)))
        {
            throw new ClusterStartException($"--k3s-airgap-images '{Path.GetFullPath(file)}' does not exist; pass the k3s-airgap-images tarball of the k3s release you run.");
        }

        foreach (var image in options.LoadImages)
        {
            if (!await docker.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false))
            {
                throw new ClusterStartException($"--load-image '{image}' is not an image in the Docker engine at {endpoint}; build or pull it there first.");
            }
        }

        var present = await docker.ImageExistsAsync(options.K3sImage, cancellationToken).ConfigureAwait(false);
        if (!present)
        {
            var k3s = K3sOptions.Default with { Image = options.K3sImage, ImageArchive = options.K3sImageArchive, Log = line => output.WriteLine(line) };
            await K3sCluster.EnsureImageAsync(docker, k3s, cancellationToken).ConfigureAwait(false);
        }

        var how = present ? "present" : options.K3sImageArchive is null ? "pulled" : $"loaded from {options.K3sImageArchive}";
        return $"Docker engine at {endpoint}; k3s image {options.K3sImage} {how}";
    }
}
