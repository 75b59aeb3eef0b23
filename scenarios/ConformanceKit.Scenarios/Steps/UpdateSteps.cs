using System.Text.Json;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// The cluster actions of the update scenarios: a template change is the same manifest applied again with another
/// REVISION; waits read the set's status and the pods' revision labels from the recorder (which must watch workloads,
/// <see cref="ScenarioRecorder.WatchWorkloadsAsync"/>), each with a deadline.
/// </summary>
public sealed class UpdateSteps(KubeClient client, ScenarioRecorder recorder, TimeSpan stepTimeout)
{
    /// <summary>Applies a manifest holding one StatefulSet; returns when the step was marked and the stored set's generation.</summary>
    public async Task<(DateTimeOffset At, long Generation)> ApplyAsync(string yaml, string label, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep(label);
        var stored = await client.ApplyAsync(yaml, recorder.Namespace, cancellationToken).ConfigureAwait(false);
        var set = stored.FirstOrDefault(o => o.TryGetProperty("kind", out var kind) && kind.GetString() == V1StatefulSet.KubeKind);
        return (at, set.ValueKind == JsonValueKind.Object ? ControllerSync.Generation(set)
            : throw new InvalidOperationException($"applying '{label}' stored no StatefulSet"));
    }

    /// <summary>
    /// Waits until the recorder has seen a status of the set computed from <paramref name="generation"/> or later, then until
    /// it has seen the pods as a list taken after that status shows them (<see cref="WaitPodsRecordedAsync"/>): the controller
    /// makes a sync's pod changes before it writes that sync's status, but pods and StatefulSets come on separate watches, so
    /// a deletion made in that sync may otherwise still be on its way when the caller judges the pods.
    /// </summary>
    public async Task<NamespaceView> WaitSyncedAsync(string setName, long generation, CancellationToken cancellationToken)
    {
        await recorder.WaitUntilAsync(v => v.Timeline.StatefulSet(setName)?.Observations.Any(o => o.ObservedGeneration >= generation) == true,
            stepTimeout, $"the controller to report observedGeneration {generation} of {setName}", cancellationToken).ConfigureAwait(false);
        return await WaitPodsRecordedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the namespace's pods (a consistent snapshot, taken now) and waits until the recorder has seen each listed pod
    /// (by UID) and, for each listed as terminating, its deletion: the timeline then holds every pod created and every
    /// deletion requested before the list (one pod watch delivers in the server's storage order).
    /// </summary>
    public async Task<NamespaceView> WaitPodsRecordedAsync(CancellationToken cancellationToken)
    {
        var listed = await client.ListAsync<V1Pod>(recorder.Namespace, null, cancellationToken).ConfigureAwait(false);
        var expected = listed.Items.Select(p => (p.Metadata.Uid, Terminating: p.Metadata.DeletionTimestamp is not null)).ToList();
        return await recorder.WaitUntilAsync(
            v => expected.All(e => v.Timeline.Pods.Any(p => p.Uid == e.Uid && (!e.Terminating || p.TerminationRequested is not null))),
            stepTimeout, $"the recorder to see the {expected.Count} pods as listed", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the update of <paramref name="generation"/> is complete: the status reports it with
    /// currentRevision == updateRevision and every replica updated and Ready, and every pod is Ready at that revision.
    /// </summary>
    public Task<NamespaceView> WaitRolledOutAsync(string setName, int replicas, long generation, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.Timeline.StatefulSet(setName)?.Last is { } s && s.ObservedGeneration >= generation && s.Converged
                && s.UpdatedReplicas == replicas && s.ReadyReplicas == replicas && v.AllReady(setName, replicas)
                && v.PodsOf(setName).Values.All(p => RevisionOf(p) == s.UpdateRevision),
            stepTimeout, $"{setName} rolled out to generation {generation} (every pod Ready at the update revision)", cancellationToken);

    /// <summary>Waits until pod <paramref name="name"/> exists under a UID other than <paramref name="oldUid"/> and satisfies <paramref name="state"/>.</summary>
    public Task<NamespaceView> WaitReplacedAsync(string name, string? oldUid, Func<V1Pod, bool> state, string stateName, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.Pods.TryGetValue(name, out var p) && p.Metadata.Uid != oldUid && state(p),
            stepTimeout, $"{name} replaced and {stateName}", cancellationToken);

    /// <summary>
    /// A controller sync barrier for a set in the middle of an update: moves rollingUpdate.partition to
    /// <paramref name="away"/> and back to <paramref name="back"/> (merge patches, each bumping the generation), then
    /// waits for the controller to report the second generation and for the recorder to hold the pods as they are after
    /// that sync (<see cref="WaitSyncedAsync"/>). The caller picks an <paramref name="away"/> that
    /// changes no decision in the set's state (e.g. the held pod's own ordinal: the controller then still stops at the held
    /// pod, and would still re-create it at the update revision), so what the controller did in that sync it decided on the
    /// pods as they are now.
    /// </summary>
    public async Task<DateTimeOffset> SyncWithPartitionAsync(string setName, int away, int back, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"controller sync: partition of {setName} to {away} and back to {back}");
        await client.PatchMergeAsync<V1StatefulSet>(recorder.Namespace, setName, ControllerSync.PartitionPatch(away), null, cancellationToken).ConfigureAwait(false);
        var stored = await client.PatchMergeAsync<V1StatefulSet>(recorder.Namespace, setName, ControllerSync.PartitionPatch(back), null, cancellationToken).ConfigureAwait(false);
        await WaitSyncedAsync(setName, ControllerSync.Generation(stored), cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>
    /// Lists the namespace's ControllerRevisions (a consistent snapshot, taken now) and waits until the recorder has seen
    /// each at the revision number listed, so the timeline holds every bump the controller made before this call.
    /// </summary>
    public async Task WaitRevisionsRecordedAsync(CancellationToken cancellationToken)
    {
        var listed = await client.ListAsync<V1ControllerRevision>(recorder.Namespace, null, cancellationToken).ConfigureAwait(false);
        var expected = listed.Items.Select(r => (r.Metadata.Uid, r.Revision)).ToList();
        await recorder.WaitUntilAsync(
            v => expected.All(e => v.Timeline.ControllerRevisions.Any(r => r.Uid == e.Uid && r.Numbers.Any(n => n.Number == e.Revision))),
            stepTimeout, $"the recorder to see the {expected.Count} ControllerRevisions as listed", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rolls the set the way <c>kubectl rollout restart</c> does: a merge patch of the pod template's
    /// <see cref="RestartTrigger.Annotation"/>; returns when the step was marked and the stored set's generation.
    /// </summary>
    public async Task<(DateTimeOffset At, long Generation)> RestartAsync(V1StatefulSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var at = recorder.MarkStep($"rollout restart of {set.Metadata.Name} ({RestartTrigger.Annotation})");
        var stored = await client.PatchMergeAsync<V1StatefulSet>(recorder.Namespace, set.Metadata.Name, RestartTrigger.PatchJson(set, at), null, cancellationToken)
            .ConfigureAwait(false);
        return (at, ControllerSync.Generation(stored));
    }

    /// <summary>
    /// Waits until a partitioned update of <paramref name="generation"/> is done: the status reports it with
    /// replicas - partition pods updated, and every pod at or above the partition is Ready at the update revision.
    /// </summary>
    public Task<NamespaceView> WaitPartitionRolledOutAsync(string setName, int replicas, int partition, long generation, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.Timeline.StatefulSet(setName)?.Last is { } s && s.ObservedGeneration >= generation
                && s.UpdatedReplicas == Math.Max(0, replicas - partition) && v.AllReady(setName, replicas)
                && v.PodsOf(setName).Where(p => p.Key >= partition).All(p => RevisionOf(p.Value) == s.UpdateRevision),
            stepTimeout, $"{setName} rolled out to generation {generation} at and above partition {partition}", cancellationToken);

    /// <summary>The pod's controller-revision-hash label, or null.</summary>
    public static string? RevisionOf(V1Pod pod) => pod?.Metadata.Label(PodHistory.RevisionLabel);
}
