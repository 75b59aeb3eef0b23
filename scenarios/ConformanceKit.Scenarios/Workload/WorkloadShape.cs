using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// What the live scenarios read from the user's StatefulSet: its name, Service, replicas, policy, claim templates,
/// the pods' label selector and the rolling-update partition, with the defaults the API server applies.
/// </summary>
/// <param name="Name">The set's name.</param>
/// <param name="ServiceName">spec.serviceName.</param>
/// <param name="Replicas">spec.replicas (1 when not set).</param>
/// <param name="PodManagementPolicy">spec.podManagementPolicy (OrderedReady when not set).</param>
/// <param name="Templates">The volumeClaimTemplates' names.</param>
/// <param name="PodSelector">spec.selector.matchLabels as a label selector, or null when it has matchExpressions (pods are then named one by one).</param>
/// <param name="Partition">spec.updateStrategy.rollingUpdate.partition (0 when not set).</param>
/// <param name="OrdinalStart">spec.ordinals.start (0 when not set).</param>
public sealed record WorkloadShape(
    string Name, string ServiceName, int Replicas, string PodManagementPolicy, IReadOnlyList<string> Templates, string? PodSelector, int Partition, int OrdinalStart)
{
    /// <summary>The shape of <paramref name="set"/>.</summary>
    public static WorkloadShape Of(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var selector = set.Spec?.Selector;
        var podSelector = selector is null || selector.MatchExpressions is { Count: > 0 } || selector.MatchLabels is not { Count: > 0 } labels
            ? null
            : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        return new WorkloadShape(
            set.Metadata?.Name ?? "",
            set.Spec?.ServiceName ?? "",
            set.Spec?.Replicas ?? 1,
            OrderingCapability.Policy(set),
            [.. (set.Spec?.VolumeClaimTemplates ?? []).Select(t => t.Metadata?.Name ?? "")],
            podSelector,
            set.Spec?.UpdateStrategy?.RollingUpdate?.Partition ?? 0,
            set.Spec?.Ordinals?.Start ?? 0);
    }

    /// <summary>The pod of ordinal <paramref name="ordinal"/>: <c>name-ordinal</c>.</summary>
    public string PodName(int ordinal) => $"{Name}-{ordinal}";

    /// <summary>The pods <c>name-0..replicas-1</c>.</summary>
    public IReadOnlyList<string> PodNames => [.. Enumerable.Range(0, Replicas).Select(PodName)];

    /// <summary>Every claim the set's pods own: <c>template-name-ordinal</c>, per template and ordinal.</summary>
    public IReadOnlyList<string> ClaimNames => [.. Templates.SelectMany(t => Enumerable.Range(0, Replicas).Select(i => $"{t}-{Name}-{i}"))];
}
