using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Picks the StatefulSet under test from the user's documents (<c>--workload-name</c> when there are several) and
/// its headless Service (<c>spec.serviceName</c>, <c>clusterIP: None</c>). Anything missing or ambiguous ends in a
/// one-line <see cref="WorkloadInputException"/>.
/// </summary>
public static class WorkloadSelector
{
    /// <summary>Selects the set named <paramref name="workloadName"/>, or the only one when it is null.</summary>
    public static SelectedWorkload Select(IReadOnlyList<WorkloadDocument> documents, string? workloadName = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var files = string.Join(", ", documents.Select(d => d.File).Distinct());
        var sets = documents.Where(d => d.Kind == "StatefulSet").ToList();
        if (sets.FirstOrDefault(d => d.Typed is not V1StatefulSet) is { } old)
        {
            throw new WorkloadInputException($"{old.Label}: apiVersion {old.ApiVersion} is not one this harness reads; write StatefulSets as apps/v1");
        }

        var set = Pick(sets, workloadName, files);
        var statefulSet = (V1StatefulSet)set.Typed!;
        var serviceName = statefulSet.Spec?.ServiceName;
        if (string.IsNullOrEmpty(serviceName))
        {
            throw new WorkloadInputException(
                $"{set.Label}: has no spec.serviceName; the stable per-pod DNS names need a headless Service: set spec.serviceName to its name and add that Service (clusterIP: None) to the files");
        }

        var service = documents.FirstOrDefault(d => d.Kind == "Service" && d.Name == serviceName && d.Typed is V1Service)
            ?? throw new WorkloadInputException(
                $"{set.Label}: spec.serviceName is {serviceName}, but no Service named {serviceName} is in {files}; add the headless Service (clusterIP: None) with --workload-manifest, or correct the serviceName");
        var typedService = (V1Service)service.Typed!;
        var clusterIp = typedService.Spec?.ClusterIP;
        if (clusterIp != "None")
        {
            var shown = string.IsNullOrEmpty(clusterIp) ? "no clusterIP, so it gets a virtual IP" : $"clusterIP {clusterIp}";
            throw new WorkloadInputException(
                $"{service.Label}: the StatefulSet {set.Name}'s Service is not headless ({shown}), so its pods get no per-pod DNS names; set spec.clusterIP: None");
        }

        return new SelectedWorkload(set, statefulSet, service, typedService, documents);
    }

    private static WorkloadDocument Pick(List<WorkloadDocument> sets, string? workloadName, string files)
    {
        if (workloadName is not null)
        {
            var named = sets.Where(d => d.Name == workloadName).ToList();
            return named.Count switch
            {
                1 => named[0],
                0 when sets.Count == 0 => throw NoStatefulSet(files),
                0 => throw new WorkloadInputException(
                    $"--workload-name {workloadName}: no StatefulSet of that name in {files} (there: {string.Join(", ", sets.Select(d => d.Name))}); pass one of those"),
                _ => throw new WorkloadInputException(
                    $"--workload-name {workloadName}: {named.Count} StatefulSets of that name ({string.Join("; ", named.Select(d => d.Where))}); keep one"),
            };
        }

        return sets.Count switch
        {
            1 => sets[0],
            0 => throw NoStatefulSet(files),
            _ => throw new WorkloadInputException(
                $"{files}: {sets.Count} StatefulSets ({string.Join("; ", sets.Select(d => $"{d.Name} in {d.Where}"))}); choose the one to test with --workload-name NAME"),
        };
    }

    private static WorkloadInputException NoStatefulSet(string files) =>
        new($"{files}: no StatefulSet in the files; pass the file that holds it (with its headless Service) with --workload-manifest");
}
