using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>The StatefulSet under test, its headless Service, and every document of the user's files.</summary>
public sealed record SelectedWorkload(
    WorkloadDocument StatefulSetDocument,
    V1StatefulSet StatefulSet,
    WorkloadDocument ServiceDocument,
    V1Service Service,
    IReadOnlyList<WorkloadDocument> Documents)
{
    /// <summary>The set's name.</summary>
    public string Name => StatefulSet.Metadata.Name;
}
