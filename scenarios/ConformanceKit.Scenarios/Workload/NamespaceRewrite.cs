using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Puts the user's documents into a scenario's namespace: <c>metadata.namespace</c> set, the run's session labels
/// added, images substituted per <c>--workload-image-map</c>; nothing else is changed, and every change is listed.
/// Cluster-scoped documents are refused; values that name another namespace are reported, not changed; Helm test
/// hooks (run only by <c>helm test</c>, never by an install) are left out and listed.
/// </summary>
public static partial class NamespaceRewrite
{
    /// <summary>Rewrites <paramref name="documents"/> for <paramref name="targetNamespace"/> with <paramref name="labels"/> (the run's session labels).</summary>
    public static RewrittenWorkload Apply(
        IReadOnlyList<WorkloadDocument> documents, string targetNamespace, IReadOnlyDictionary<string, string> labels, ImageMap? images = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrEmpty(targetNamespace);
        ArgumentNullException.ThrowIfNull(labels);
        images ??= ImageMap.None;
        var omitted = documents.Where(HelmHooks.IsTestHook).Select(d => $"{d.Label}: not applied, a Helm test hook ({HelmHooks.Annotation}: test) that only helm test runs").ToList();
        documents = documents.Where(d => !HelmHooks.IsTestHook(d)).ToList();
        var clusterScoped = documents.Where(d => KnownKinds.IsClusterScoped(d.Group, d.Kind)).ToList();
        if (clusterScoped.Count > 0)
        {
            var more = clusterScoped.Count > 1 ? $" (and {clusterScoped.Count - 1} more: {string.Join(", ", clusterScoped.Skip(1).Select(d => d.Subject))})" : "";
            throw new WorkloadInputException($"{clusterScoped[0].Label}: {ClusterScope.Refusal(clusterScoped[0].Kind)}{more}");
        }

        var rewritten = new List<WorkloadDocument>();
        var changes = new List<WorkloadChange>();
        var references = new List<NamespaceReference>();
        var usedEntries = new HashSet<string>(StringComparer.Ordinal);
        var seenImages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var node = YamlNodes.Copy(document.Node);
            var metadata = node.MapOrAdd("metadata");
            if (document.Namespace != targetNamespace)
            {
                metadata.SetText("namespace", targetNamespace);
                changes.Add(new WorkloadChange(document.Label, "metadata.namespace", document.Namespace, targetNamespace));
            }

            var labelMap = metadata.MapOrAdd("labels");
            foreach (var (key, value) in labels)
            {
                var old = labelMap.Text(key);
                if (old != value)
                {
                    labelMap.SetText(key, value);
                    changes.Add(new WorkloadChange(document.Label, $"metadata.labels[{key}]", old, value));
                }
            }

            foreach (var entry in YamlEntry.All(node).Where(e => ContainerImage().IsMatch(e.Path)).ToList())
            {
                if (entry.Value is YamlScalarNode { Value: { } image })
                {
                    seenImages.Add(image);
                    if (images.Map(image) is { } mapped)
                    {
                        entry.Parent.SetText("image", mapped.Image);
                        usedEntries.Add(mapped.Entry);
                        changes.Add(new WorkloadChange(document.Label, $"{entry.Path} (--workload-image-map {mapped.Entry})", image, mapped.Image));
                    }
                }
            }

            references.AddRange(References(document, targetNamespace));
            rewritten.Add(document with
            {
                Node = node,
                Namespace = targetNamespace,
                Typed = document.Typed is null ? null : DocumentReader.Typed(
                    new DocumentOrigin(document.File, document.Index, document.Item, document.Line, document.HelmSource),
                    document.ApiVersion, document.Kind, document.Name, YamlNodes.ToYaml(node)),
            });
        }

        if (images.Entries.Select(e => $"{e.From}={e.To}").FirstOrDefault(e => !usedEntries.Contains(e)) is { } unused)
        {
            throw new WorkloadInputException(
                $"--workload-image-map {unused}: no container in the files uses that image (they use: {string.Join(", ", seenImages)}); correct the part before '='");
        }

        return new RewrittenWorkload(targetNamespace, rewritten, changes, references) { Omitted = omitted };
    }

    private static IEnumerable<NamespaceReference> References(WorkloadDocument document, string targetNamespace)
    {
        foreach (var entry in YamlEntry.All(document.Node))
        {
            if (entry.Path == "metadata.namespace")
            {
                continue;
            }

            var scalars = entry.Value switch
            {
                YamlScalarNode { Value: { } text } => [(entry.Path, text)],
                YamlSequenceNode sequence => sequence.Children
                    .Select((item, i) => (Path: $"{entry.Path}[{i}]", Text: (item as YamlScalarNode)?.Value))
                    .Where(s => s.Text is not null)
                    .Select(s => (s.Path, s.Text!))
                    .ToList(),
                _ => new List<(string, string)>(),
            };
            foreach (var (path, text) in scalars)
            {
                var namesNamespace = entry.Key is "namespace" or "namespaces";
                if (namesNamespace && text.Length > 0 && text != targetNamespace && text != "*")
                {
                    yield return new NamespaceReference(document.Label, path, text, text);
                    continue;
                }

                foreach (Match match in ServiceAddress().Matches(text))
                {
                    if (match.Groups["ns"].Value != targetNamespace)
                    {
                        yield return new NamespaceReference(document.Label, path, match.Value, match.Groups["ns"].Value);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"(^|\.)(initContainers|containers|ephemeralContainers)\[[^\]]+\]\.image$")]
    private static partial Regex ContainerImage();

    // host.namespace.svc or host.namespace.svc.cluster.local; ns is the label right before .svc.
    [GeneratedRegex(@"(?<![-a-z0-9.])(?:[a-z0-9-]+\.)+(?<ns>[a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?(?![-a-z0-9])")]
    private static partial Regex ServiceAddress();
}
