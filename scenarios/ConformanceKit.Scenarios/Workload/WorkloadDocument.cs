using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// One Kubernetes object from the user's files: where it came from, its identity, the YAML as written (the source of
/// truth for what is applied, so fields the client package does not model are kept) and, when the package knows
/// the kind, the typed object read from that YAML (e.g. <c>k8s.Models.V1StatefulSet</c>).
/// </summary>
public sealed record WorkloadDocument
{
    /// <summary>The file as the user named it.</summary>
    public required string File { get; init; }

    /// <summary>1-based position of the document in its file, counting empty documents too.</summary>
    public required int Index { get; init; }

    /// <summary>1-based position inside a <c>kind: List</c> document, else null.</summary>
    public int? Item { get; init; }

    /// <summary>1-based line where the document's content starts.</summary>
    public required int Line { get; init; }

    /// <summary>The path of a Helm <c># Source:</c> comment right before the document, if any.</summary>
    public string? HelmSource { get; init; }

    /// <summary><c>apiVersion</c>, e.g. <c>apps/v1</c>.</summary>
    public required string ApiVersion { get; init; }

    /// <summary><c>kind</c>, e.g. <c>StatefulSet</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>metadata.name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>metadata.namespace</c> as written, or null.</summary>
    public string? Namespace { get; init; }

    /// <summary>The document's YAML mapping. Treat as read-only: the rewrite works on copies.</summary>
    public required YamlMappingNode Node { get; init; }

    /// <summary>The typed object (a <c>k8s.Models</c> type) when the package knows the kind, else null (a generic object).</summary>
    public object? Typed { get; init; }

    /// <summary>The API group: the part of apiVersion before the slash, empty for the core group.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary><c>Kind/name</c>.</summary>
    public string Subject => $"{Kind}/{Name}";

    /// <summary>Where it is: <c>file document 3 (line 12, # Source: chart/templates/sts.yaml)</c>.</summary>
    public string Where => new DocumentOrigin(File, Index, Item, Line, HelmSource).Where;

    /// <summary>Where and what: <c>file document 3 (line 12) StatefulSet/web</c>.</summary>
    public string Label => $"{Where} {Subject}";

    /// <summary>The typed object as <typeparamref name="T"/>, or null when it is another kind.</summary>
    public T? As<T>()
        where T : class => Typed as T;
}
