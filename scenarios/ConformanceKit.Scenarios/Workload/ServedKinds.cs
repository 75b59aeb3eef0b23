using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Whether the cluster serves every document's kind, judged on the server's discovery answer before anything is
/// applied: a kind it does not serve (a missing CRD, a removed apiVersion) and a custom kind it serves
/// cluster-scoped are refused in one line.
/// </summary>
public static class ServedKinds
{
    /// <summary>The kinds of discovery's resource lists (<c>/api/v1</c>, <c>/apis/GROUP/VERSION</c>); subresources are left out.</summary>
    public static IReadOnlySet<ServedKind> FromDiscovery(IEnumerable<V1APIResourceList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return lists
            .SelectMany(l => (l.Resources ?? []).Where(r => !r.Name.Contains('/', StringComparison.Ordinal))
                .Select(r => new ServedKind(l.GroupVersion, r.Kind, r.Namespaced)))
            .ToHashSet();
    }

    /// <summary>One line naming the first document the cluster cannot take (and how many more), or null when it serves them all.</summary>
    public static string? Check(IReadOnlySet<ServedKind> served, IEnumerable<WorkloadDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(documents);
        var problems = new List<string>();
        foreach (var document in documents)
        {
            var kind = served.FirstOrDefault(s => s.ApiVersion == document.ApiVersion && s.Kind == document.Kind);
            if (kind is null)
            {
                var versions = served.Where(s => s.Kind == document.Kind).Select(s => s.ApiVersion).Distinct().Order(StringComparer.Ordinal).ToList();
                problems.Add(versions.Count == 0
                    ? $"{document.Label}: the cluster does not serve the kind {document.Kind} ({document.ApiVersion}); install what provides it (its CRD or operator) before the run, or remove the document"
                    : $"{document.Label}: the cluster does not serve {document.Kind} in {document.ApiVersion}, only in {string.Join(", ", versions)}; change the document's apiVersion");
            }
            else if (!kind.Namespaced)
            {
                problems.Add($"{document.Label}: {ClusterScope.Refusal(document.Kind)}");
            }
        }

        return problems.Count switch
        {
            0 => null,
            1 => problems[0],
            _ => $"{problems[0]} (and {problems.Count - 1} more document(s) the cluster cannot take)",
        };
    }
}
