using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>The mutable history of one StatefulSet UID while watch events arrive.</summary>
internal sealed class StatefulSetState(string uid, string name, Instant created)
{
    private readonly List<StatefulSetObservation> observations = [];
    private Instant? gone;

    public void Apply(V1StatefulSet set, WatchEventType type, DateTimeOffset observed, long sequence)
    {
        var strategy = set.Spec?.UpdateStrategy;
        observations.Add(new StatefulSetObservation
        {
            At = new Instant(null, observed, sequence),
            Generation = set.Metadata.Generation,
            ObservedGeneration = set.Status?.ObservedGeneration,
            Replicas = set.Spec?.Replicas,
            StrategyType = strategy?.Type,
            Partition = strategy?.RollingUpdate?.Partition,
            MaxUnavailable = strategy?.RollingUpdate?.MaxUnavailable?.ToString(),
            ReadyReplicas = set.Status?.ReadyReplicas,
            CurrentReplicas = set.Status?.CurrentReplicas,
            UpdatedReplicas = set.Status?.UpdatedReplicas,
            CurrentRevision = set.Status?.CurrentRevision,
            UpdateRevision = set.Status?.UpdateRevision,
        });
        if (type == WatchEventType.Deleted)
        {
            gone ??= new Instant(null, observed, sequence);
        }
    }

    public StatefulSetHistory ToHistory() => new()
    {
        Name = name,
        Uid = uid,
        Created = created,
        Observations = [.. observations],
        Gone = gone,
    };
}
