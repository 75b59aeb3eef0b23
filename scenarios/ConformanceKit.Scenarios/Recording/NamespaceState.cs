using System.Collections.Immutable;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>The current objects of a namespace as watch events arrive (not thread-safe: the recorder locks).</summary>
internal sealed class NamespaceState
{
    private ImmutableDictionary<string, V1Pod> _pods = ImmutableDictionary.Create<string, V1Pod>(StringComparer.Ordinal);
    private ImmutableDictionary<string, V1PersistentVolumeClaim> _claims =
        ImmutableDictionary.Create<string, V1PersistentVolumeClaim>(StringComparer.Ordinal);
    private ImmutableList<Corev1Event> _events = [];
    private ImmutableDictionary<string, int> _eventIndex = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    public void Apply(WatchEvent<V1Pod> e) => _pods = Apply(_pods, e.Type, e.Object);

    public void Apply(WatchEvent<V1PersistentVolumeClaim> e) => _claims = Apply(_claims, e.Type, e.Object);

    public void Apply(WatchEvent<Corev1Event> e)
    {
        if (e.Object is not { } ev || e.Type is not (WatchEventType.Added or WatchEventType.Modified))
        {
            return;
        }

        var key = ev.Metadata.Uid ?? ev.Metadata.Name ?? "";
        if (_eventIndex.TryGetValue(key, out var index))
        {
            _events = _events.SetItem(index, ev);
        }
        else
        {
            _eventIndex = _eventIndex.Add(key, _events.Count);
            _events = _events.Add(ev);
        }
    }

    public NamespaceView View(Func<Timeline.Timeline> timeline) => new(_pods, _claims, _events, timeline);

    private static ImmutableDictionary<string, T> Apply<T>(ImmutableDictionary<string, T> map, WatchEventType type, T? value)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (value?.Metadata.Name is not { } name)
        {
            return map;
        }

        return type switch
        {
            WatchEventType.Added or WatchEventType.Modified => map.SetItem(name, value),

            // A DELETED event removes the object only if it is the incarnation we hold (same UID): a replacement
            // pod with the same name may already have been added.
            WatchEventType.Deleted when map.TryGetValue(name, out var held) && held.Metadata.Uid == value.Metadata.Uid => map.Remove(name),
            _ => map,
        };
    }
}
