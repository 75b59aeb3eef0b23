using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>What the set's podManagementPolicy and replicas let the ordering promises be.</summary>
public static class OrderingCapability
{
    /// <summary>The policy as the API server applies it: OrderedReady when not set.</summary>
    public static string Policy(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return string.IsNullOrEmpty(set.Spec?.PodManagementPolicy) ? "OrderedReady" : set.Spec.PodManagementPolicy;
    }

    /// <summary>Ordered creation: OrderedReady with at least two replicas is checked; Parallel is a violation naming the policy.</summary>
    public static PromiseVerdict Creation(V1StatefulSet set) => Judge(set, WorkloadPromises.OrderedCreation,
        "pod i is created only after pod i-1 is Ready",
        "its pods are created together, not each after the previous one is Ready");

    /// <summary>Reverse-order scale-down to 0: as ordered creation, Parallel deletes the pods together.</summary>
    public static PromiseVerdict ScaleDown(V1StatefulSet set) => Judge(set, WorkloadPromises.OrderedScaleDown,
        "a scale to 0 removes the highest ordinal first, each after the one above is gone",
        "a scale-down deletes its pods together, not the highest ordinal first");

    private static PromiseVerdict Judge(V1StatefulSet set, string promise, string how, string parallel)
    {
        var policy = Policy(set);
        var replicas = set.Spec?.Replicas ?? 1;
        return policy switch
        {
            "Parallel" => PromiseVerdict.Violation(promise, $"podManagementPolicy is Parallel: {parallel}"),
            "OrderedReady" when replicas < 2 => PromiseVerdict.Skip(promise, $"replicas is {replicas}: an order needs at least two pods; set replicas to 2 or more"),
            "OrderedReady" => PromiseVerdict.Check(promise, $"{how} (podManagementPolicy OrderedReady, {replicas} replicas)"),
            _ => PromiseVerdict.Skip(promise, $"podManagementPolicy {policy} is not one the API knows (OrderedReady, Parallel)"),
        };
    }
}
