namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The user's workload, checked whole before anything is applied: files loaded, the set and its headless Service
/// selected, the image map and the namespace rewrite tried once (so a cluster-scoped document or an unused image
/// entry is refused up front), and every promise judged. Each scenario then takes <see cref="RewriteFor"/>.
/// </summary>
public sealed class WorkloadPlan
{
    /// <summary>The namespace shown where the scenario's own will be.</summary>
    public const string NamespacePlaceholder = "scenario-namespace";

    private WorkloadPlan(SelectedWorkload workload, ImageMap images, RewrittenWorkload preview, IReadOnlyList<PromiseVerdict> verdicts)
    {
        Workload = workload;
        Images = images;
        Preview = preview;
        Verdicts = verdicts;
        MissingReferences = PodTemplateReferences.Missing(workload.StatefulSet, preview.Documents);
    }

    /// <summary>The set, its Service and every document as the user wrote them.</summary>
    public SelectedWorkload Workload { get; }

    /// <summary>The <c>--workload-image-map</c> entries.</summary>
    public ImageMap Images { get; }

    /// <summary>The rewrite into <see cref="NamespacePlaceholder"/>: the changes every scenario will make.</summary>
    public RewrittenWorkload Preview { get; }

    /// <summary>Each seed promise judged on the manifest.</summary>
    public IReadOnlyList<PromiseVerdict> Verdicts { get; }

    /// <summary>
    /// The Secrets and ConfigMaps the set's pod template requires that no document applied provides: warnings, since
    /// an operator among the documents may make them, and each test's namespace holds nothing else.
    /// </summary>
    public IReadOnlyList<MissingReference> MissingReferences { get; }

    /// <summary>Checks the input; a <see cref="WorkloadInputException"/> (one line) on the first problem.</summary>
    public static WorkloadPlan Prepare(IReadOnlyList<string> files, string? workloadName, IEnumerable<string> imageMap, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new WorkloadInputException("no --workload-manifest given; pass the YAML file(s) with your StatefulSet and its headless Service");
        }

        var images = ImageMap.Parse(imageMap);
        var workload = WorkloadSelector.Select(ManifestLoader.LoadFiles(files), workloadName);
        var preview = NamespaceRewrite.Apply(workload.Documents, NamespacePlaceholder, labels, images);
        return new WorkloadPlan(workload, images, preview, WorkloadCapabilities.Judge(workload));
    }

    /// <summary>
    /// One line naming the first document the cluster cannot take, judged on its discovery answer before anything
    /// is applied (see <see cref="ServedKinds.FromDiscovery"/>), or null when it serves every document applied.
    /// </summary>
    public string? ServedProblem(IReadOnlySet<ServedKind> served) => ServedKinds.Check(served, Preview.Documents);

    /// <summary>The documents as one scenario applies them into <paramref name="targetNamespace"/>.</summary>
    public RewrittenWorkload RewriteFor(string targetNamespace, IReadOnlyDictionary<string, string> labels) =>
        NamespaceRewrite.Apply(Workload.Documents, targetNamespace, labels, Images);

    /// <summary>
    /// What <c>ck workload validate</c> prints: the workload, the changes each scenario makes, the references left
    /// alone, the verdicts and, last, the warnings (<see cref="MissingReferences"/>).
    /// </summary>
    public IReadOnlyList<string> Summary()
    {
        var set = Workload.StatefulSet;
        var lines = new List<string>
        {
            $"workload: StatefulSet {Workload.Name} ({set.Spec.Replicas ?? 1} replica{((set.Spec.Replicas ?? 1) == 1 ? "" : "s")}, podManagementPolicy {OrderingCapability.Policy(set)}) with headless Service {Workload.Service.Metadata.Name}; {Workload.Documents.Count} document(s) from {string.Join(", ", Workload.Documents.Select(d => d.File).Distinct())}",
            $"each scenario applies every document into its own namespace ({NamespacePlaceholder} below), changing only:",
        };
        lines.AddRange(ChangeLines.Of(Preview.Changes).Select(c => $"  {c}"));
        lines.AddRange(Preview.Omitted.Select(o => $"  {o}"));
        if (Preview.References.Count > 0)
        {
            lines.Add("values naming another namespace (left as written):");
            lines.AddRange(Preview.References.Select(r => $"  {r}"));
        }

        lines.Add("promises:");
        lines.AddRange(Verdicts.Select(v => $"  {v}"));
        if (MissingReferences.Count > 0)
        {
            lines.Add("warnings (the run goes on):");
            lines.AddRange(MissingReferences.Select(r => $"  {r}"));
        }

        return lines;
    }
}
