using System.Collections.Concurrent;
using System.Net;
using k8s;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Discovery, cached per group/version: which plural and scope a kind has, so that any kind can be applied and
/// every typed call names the resource the server serves.
/// </summary>
internal sealed class ResourceCatalog(IKubernetes api)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<ResourceType>>>> groups = new(StringComparer.Ordinal);

    public async Task<ResourceType> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var types = await groups.GetOrAdd(apiVersion, v => new Lazy<Task<IReadOnlyList<ResourceType>>>(() => DiscoverAsync(v, CancellationToken.None))).Value
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return types.FirstOrDefault(t => t.Kind == kind)
            ?? throw new InvalidOperationException($"the API server serves no kind {kind} in {apiVersion} (discovery lists: {string.Join(", ", types.Select(t => t.Kind).Distinct())})");
    }

    private async Task<IReadOnlyList<ResourceType>> DiscoverAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        try
        {
            var list = await api.CustomObjects.GetAPIResourcesAsync(group, version, cancellationToken).ConfigureAwait(false);
            return [.. list.Resources.Where(r => !r.Name.Contains('/', StringComparison.Ordinal))
                .Select(r => new ResourceType(group, version, r.Kind, r.Name, r.Namespaced))];
        }
        catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            groups.TryRemove(apiVersion, out _);
            throw new InvalidOperationException($"the API server does not serve {apiVersion} (is the API group installed?)", e);
        }
        catch
        {
            groups.TryRemove(apiVersion, out _);
            throw;
        }
    }
}
