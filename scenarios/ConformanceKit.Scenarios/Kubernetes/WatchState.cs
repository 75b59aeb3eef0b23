using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>The objects a watch knows (by uid), so that a relist can be turned into Added/Modified/Deleted events.</summary>
internal sealed class WatchState<T> where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);

    public WatchEvent<T> Apply(WatchEventType type, T value, DateTimeOffset observedAt)
    {
        var version = value.Metadata?.ResourceVersion;
        if (type == WatchEventType.Bookmark)
        {
            return new WatchEvent<T>(type, null, version, observedAt);
        }

        if (type == WatchEventType.Deleted)
        {
            known.Remove(Key(value));
        }
        else
        {
            known[Key(value)] = value;
        }

        return new WatchEvent<T>(type, value, version, observedAt);
    }

    /// <summary>
    /// The differences between what the watch knew and a fresh list. Objects gone since are reported first, so a
    /// consumer keyed by name sees an object replaced under the same name (new uid) as deleted, then added.
    /// </summary>
    public IReadOnlyList<WatchEvent<T>> Relist(KubeList<T> fresh)
    {
        var now = DateTimeOffset.UtcNow;
        var changes = new List<WatchEvent<T>>();
        var seen = fresh.Items.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in known.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            changes.Add(new WatchEvent<T>(WatchEventType.Deleted, known[gone], fresh.ResourceVersion, now));
            known.Remove(gone);
        }

        foreach (var item in fresh.Items)
        {
            var key = Key(item);
            if (!known.TryGetValue(key, out var previous))
            {
                changes.Add(new WatchEvent<T>(WatchEventType.Added, item, item.Metadata.ResourceVersion, now));
            }
            else if (previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                changes.Add(new WatchEvent<T>(WatchEventType.Modified, item, item.Metadata.ResourceVersion, now));
            }

            known[key] = item;
        }

        return changes;
    }

    private static string Key(T value) => value.Metadata?.Uid ?? $"{value.Metadata?.NamespaceProperty}/{value.Metadata?.Name}";
}
