using System.Net;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Asks the cluster's discovery which of the documents' kinds it serves, one request per apiVersion, so that
/// <see cref="WorkloadPlan.ServedProblem"/> can refuse a workload in one line before anything is applied.
/// </summary>
public static class WorkloadDiscovery
{
    /// <summary>The kinds served in every apiVersion the documents use; an apiVersion the server does not serve adds none.</summary>
    public static async Task<IReadOnlySet<ServedKind>> ServedKindsAsync(KubeClient client, IEnumerable<WorkloadDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(documents);
        var lists = new List<V1APIResourceList>();
        foreach (var apiVersion in documents.Select(d => d.ApiVersion).Distinct(StringComparer.Ordinal))
        {
            var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
            var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
            try
            {
                var list = await client.Api.CustomObjects.GetAPIResourcesAsync(group, version, cancellationToken).ConfigureAwait(false);
                list.GroupVersion ??= apiVersion;
                lists.Add(list);
            }
            catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Not served at all: no kind of it is in the set, and ServedKinds names the document.
            }
        }

        return ServedKinds.FromDiscovery(lists);
    }

    /// <summary>
    /// Applies <paramref name="workload"/> (server-side apply, any kind through discovery) once discovery says the
    /// cluster serves each of its documents; otherwise a one-line <see cref="WorkloadInputException"/> and nothing applied.
    /// </summary>
    public static async Task<IReadOnlyList<System.Text.Json.JsonElement>> ApplyAsync(
        KubeClient client, WorkloadPlan plan, RewrittenWorkload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(workload);
        var served = await ServedKindsAsync(client, workload.Documents, cancellationToken).ConfigureAwait(false);
        if (plan.ServedProblem(served) is { } problem)
        {
            throw new WorkloadInputException(problem);
        }

        return await client.ApplyAsync(workload.Yaml, workload.Namespace, cancellationToken).ConfigureAwait(false);
    }
}
