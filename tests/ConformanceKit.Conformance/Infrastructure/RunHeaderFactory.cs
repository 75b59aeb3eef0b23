using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Infrastructure;

/// <summary>
/// Reads what the run header shows from the cluster: nodes with kubelet and runtime versions, the storage classes the
/// scenarios use. A list the credentials may not read (nodes are cluster-scoped) is shown as unreadable, never fatal.
/// </summary>
internal static class RunHeaderFactory
{
    public static async Task<RunHeader> CollectAsync(ConformanceSession session, DateTimeOffset start, Action<string> log, CancellationToken ct)
    {
        var options = session.Options;
        var images = new Dictionary<string, string> { ["workload"] = options.WorkloadImage, ["busybox"] = options.BusyboxImage };
        if (options.Cluster == ClusterKind.K3s)
        {
            images["k3s"] = options.K3sImage;
        }

        return new RunHeader
        {
            RunId = session.Run.Id,
            Host = session.Run.Host,
            Target = session.Target.Description,
            ServerUrl = session.Target.Connection.Server.ToString(),
            ServerVersion = session.Target.ServerVersion.GitVersion,
            Nodes = await NodesAsync(session.Client, log, ct),
            StorageClasses = await ClassesAsync(session.Client, session.Target.StorageClasses, log, ct),
            Images = images,
            Start = start,

            // So far, from the answers above; the end of the run stamps the bound over all of its answers.
            ServerClock = session.Client.ServerClock,
        };
    }

    private static async Task<IReadOnlyList<NodeInfo>> NodesAsync(KubeClient client, Action<string> log, CancellationToken ct)
    {
        try
        {
            var nodes = await client.ListAsync<V1Node>(null, null, ct);
            return [.. nodes.Items.Select(n => new NodeInfo(n.Metadata.Name ?? "?", n.Status?.NodeInfo?.KubeletVersion,
                n.Status?.NodeInfo?.ContainerRuntimeVersion, n.Status?.NodeInfo?.OsImage))];
        }
        catch (KubeApiException error)
        {
            log($"run header: nodes not readable ({error.Message})");
            return [];
        }
    }

    private static async Task<IReadOnlyList<StorageClassInfo>> ClassesAsync(KubeClient client, IReadOnlyList<string> names, Action<string> log, CancellationToken ct)
    {
        var classes = new List<StorageClassInfo>();
        foreach (var name in names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var c = await client.GetAsync<V1StorageClass>(null, name, ct);
                classes.Add(new StorageClassInfo(name, c?.Provisioner, c?.VolumeBindingMode, c?.ReclaimPolicy, c?.AllowVolumeExpansion));
            }
            catch (KubeApiException error)
            {
                log($"run header: storage class {name} not readable ({error.Message})");
                classes.Add(new StorageClassInfo(name, null, null, null, null));
            }
        }

        return classes;
    }
}
