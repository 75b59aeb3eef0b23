using ConformanceKit.Scenarios.Kubernetes;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>The user's documents as they are applied into one scenario's namespace, with exactly what changed.</summary>
/// <param name="Namespace">The scenario's namespace.</param>
/// <param name="Documents">The documents as applied (YAML and typed objects read from it).</param>
/// <param name="Changes">Every change made, in document order.</param>
/// <param name="References">Values naming another namespace, reported and left as written.</param>
public sealed record RewrittenWorkload(
    string Namespace,
    IReadOnlyList<WorkloadDocument> Documents,
    IReadOnlyList<WorkloadChange> Changes,
    IReadOnlyList<NamespaceReference> References)
{
    /// <summary>Documents of the files that are not applied, one line each saying why.</summary>
    public IReadOnlyList<string> Omitted { get; init; } = [];

    /// <summary>The documents as one multi-document YAML stream, ready for server-side apply.</summary>
    public string Yaml => string.Join("---\n", Documents.Select(d => YamlNodes.ToYaml(d.Node)));

    /// <summary>The StatefulSet <paramref name="name"/> as applied (namespace, labels and mapped images), typed.</summary>
    /// <exception cref="InvalidOperationException">The documents hold no StatefulSet of that name.</exception>
    public V1StatefulSet StatefulSet(string name) =>
        Documents.Where(d => d.Kind == V1StatefulSet.KubeKind && d.Name == name).Select(d => d.As<V1StatefulSet>()).FirstOrDefault(s => s is not null)
        ?? throw new InvalidOperationException($"no StatefulSet {name} among the documents applied into {Namespace}");

    /// <summary>
    /// One document as JSON for server-side apply (one object per request): the client package sends a patch's
    /// string content as raw JSON, and JSON is what an apply patch in YAML also accepts.
    /// </summary>
    public static string JsonOf(WorkloadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return YamlJson.Convert(document.Node);
    }

    /// <summary>One document's YAML, as shown in the report.</summary>
    public static string YamlOf(WorkloadDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return YamlNodes.ToYaml(document.Node);
    }
}
