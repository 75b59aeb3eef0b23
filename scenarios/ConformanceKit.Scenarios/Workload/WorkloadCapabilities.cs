using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>Every seed promise judged on the user's StatefulSet before the run: checked, skipped with its reason, or a violation.</summary>
public static class WorkloadCapabilities
{
    /// <summary>The verdicts for the selected set and its headless Service, in the order the scenarios check them.</summary>
    public static IReadOnlyList<PromiseVerdict> Judge(SelectedWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return [.. Judge(workload.StatefulSet).Select(v => v.Promise == WorkloadPromises.StableDns ? DnsCapability.Judge(workload.StatefulSet, workload.Service) : v)];
    }

    private static readonly string[] All =
    [
        WorkloadPromises.StableNames, WorkloadPromises.StableDns, WorkloadPromises.Readiness, WorkloadPromises.OrderedCreation,
        WorkloadPromises.OrderedScaleDown, WorkloadPromises.PerPodStorage, WorkloadPromises.ClaimsSurviveScaleToZero,
        WorkloadPromises.ClaimsSurviveTheSet, WorkloadPromises.DataMarkers, WorkloadPromises.RollingUpdate,
    ];

    /// <summary>The verdicts judged on the set alone (the DNS promise assumes its Service selects its pods).</summary>
    public static IReadOnlyList<PromiseVerdict> Judge(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var start = set.Spec?.Ordinals?.Start ?? 0;
        var replicas = set.Spec?.Replicas ?? 1;
        var name = set.Metadata?.Name;
        if (replicas < 1)
        {
            // Every check would pass on no pod at all: none of them could fail, so none is run.
            return [.. All.Select(p => PromiseVerdict.Skip(p, $"spec.replicas is {replicas}: there is no pod to check; set replicas to 1 or more (2 or more for the ordering promises)"))];
        }

        var pods = replicas == 1 ? $"pod {name}-{start}, with" : $"pods {name}-{start}..{name}-{start + replicas - 1}, each with";
        return
        [
            PromiseVerdict.Check(WorkloadPromises.StableNames,
                $"{pods} hostname == pod name (exec when the image has the tool, else the API's hostname and subdomain)"),
            PromiseVerdict.Check(WorkloadPromises.StableDns,
                $"each pod's name under Service {set.Spec?.ServiceName} resolves to its IP from a probe pod, and follows a replacement"),
            ReadinessSource.Judge(set),
            OrderingCapability.Creation(set),
            OrderingCapability.ScaleDown(set),
            StorageCapability.PerPodStorage(set),
            StorageCapability.SurviveScaleToZero(set),
            StorageCapability.SurviveTheSet(set),
            DataMarkerPlan.For(set).Verdict,
            RestartTrigger.Judge(set),
        ];
    }
}
