using ConformanceKit.Kube.Api;
using ConformanceKit.Kube.Models;
using ConformanceKit.Scenarios.Storage;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>Waits on and cleans up PersistentVolumes (cluster-scoped), by watch with a deadline; never touches a volume it was not told about.</summary>
public sealed class VolumeSteps(KubeClient client, TimeSpan stepTimeout, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>
    /// Waits until each of <paramref name="names"/> is gone or satisfies <paramref name="settled"/>; on the deadline
    /// returns what it saw with <see cref="VolumeSnapshot.Settled"/> false (the caller's check says what is wrong).
    /// </summary>
    public async Task<VolumeSnapshot> WaitSettledAsync(IReadOnlyCollection<string> names, Func<PersistentVolume, bool> settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(settled);
        var current = new Dictionary<string, PersistentVolume>(StringComparer.Ordinal);
        var gone = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(stepTimeout);
        bool Done() => names.All(n => gone.ContainsKey(n) || (current.TryGetValue(n, out var v) && settled(v)));
        try
        {
            var list = await client.ListAsync<PersistentVolume>(null, null, deadline.Token).ConfigureAwait(false);
            foreach (var volume in list.Items.Where(v => names.Contains(v.Metadata.Name!)))
            {
                current[volume.Metadata.Name!] = volume;
            }

            var listedAt = time.GetUtcNow();
            foreach (var name in names.Where(n => !current.ContainsKey(n)))
            {
                gone[name] = listedAt;
            }

            if (!Done())
            {
                var options = new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion ?? "0" };
                await foreach (var change in client.WatchAsync<PersistentVolume>(null, options, deadline.Token).ConfigureAwait(false))
                {
                    if (change.Object?.Metadata.Name is not { } name || !names.Contains(name))
                    {
                        continue;
                    }

                    if (change.Type == WatchEventType.Deleted)
                    {
                        current.Remove(name);
                        gone.TryAdd(name, change.ObservedAt);
                    }
                    else
                    {
                        current[name] = change.Object;
                    }

                    if (Done())
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new VolumeSnapshot([.. current.Values], gone, false);
        }

        return new VolumeSnapshot([.. current.Values], gone, Done());
    }

    /// <summary>
    /// Deletes the volumes <see cref="Reclaim.OursToDelete"/> allows: not Bound, claimRef in one of <paramref name="runNamespaces"/>.
    /// Returns their names.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteReleasedAsync(IReadOnlySet<string> runNamespaces, CancellationToken cancellationToken)
    {
        var list = await client.ListAsync<PersistentVolume>(null, null, cancellationToken).ConfigureAwait(false);
        var ours = Reclaim.OursToDelete(list.Items, runNamespaces);
        foreach (var volume in ours)
        {
            await client.DeleteAsync<PersistentVolume>(null, volume.Metadata.Name!, null, cancellationToken).ConfigureAwait(false);
        }

        return [.. ours.Select(v => v.Metadata.Name!)];
    }
}
