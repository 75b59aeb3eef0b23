using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>Waits on PersistentVolumes (cluster-scoped) by watch with a deadline, and hands the run's Retained ones back to their provisioner.</summary>
public sealed class VolumeSteps(KubeClient client, TimeSpan stepTimeout, TimeProvider? clock = null)
{
    /// <summary>The merge patch that hands a released volume back to its provisioner for deletion.</summary>
    public const string DeletePolicyPatch = """{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}""";

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <summary>
    /// Waits until each of <paramref name="names"/> is gone or satisfies <paramref name="settled"/>; on the deadline
    /// returns what it saw with <see cref="VolumeSnapshot.Settled"/> false (the caller's check says what is wrong).
    /// </summary>
    public async Task<VolumeSnapshot> WaitSettledAsync(IReadOnlyCollection<string> names, Func<V1PersistentVolume, bool> settled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(settled);
        var current = new Dictionary<string, V1PersistentVolume>(StringComparer.Ordinal);
        var gone = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(stepTimeout);
        bool Done() => names.All(n => gone.ContainsKey(n) || (current.TryGetValue(n, out var v) && settled(v)));
        try
        {
            var list = await client.ListAsync<V1PersistentVolume>(null, null, deadline.Token).ConfigureAwait(false);
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
                var options = new WatchOptions { ResourceVersion = list.ResourceVersion ?? "0" };
                await foreach (var change in client.WatchAsync<V1PersistentVolume>(null, options, deadline.Token).ConfigureAwait(false))
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
    /// Hands each volume of <see cref="Reclaim.RetainedOfRun"/> back to its provisioner: sets its reclaimPolicy to
    /// Delete, so that the provisioner deletes its disk and the object once its claim is gone (at once for one already
    /// Released). Deleting the object alone would leave a cloud disk behind, unseen; a Bound volume may be patched too
    /// (the PV controller reads the policy when the claim goes), so nothing waits for the release. Returns the names.
    /// </summary>
    public async Task<IReadOnlyList<string>> HandBackRetainedAsync(IReadOnlySet<string> runNamespaces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runNamespaces);
        var list = await client.ListAsync<V1PersistentVolume>(null, null, cancellationToken).ConfigureAwait(false);
        var handedBack = new List<string>();
        foreach (var volume in Reclaim.RetainedOfRun(list.Items, runNamespaces))
        {
            try
            {
                await client.PatchMergeAsync<V1PersistentVolume>(null, volume.Metadata.Name!, DeletePolicyPatch, null, cancellationToken).ConfigureAwait(false);
                handedBack.Add(volume.Metadata.Name!);
            }
            catch (KubeApiException error) when (error.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Gone meanwhile: nothing left to hand back.
            }
        }

        return handedBack;
    }
}
