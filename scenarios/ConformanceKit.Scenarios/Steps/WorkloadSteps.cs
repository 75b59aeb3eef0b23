using System.Globalization;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Workload;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// The cluster actions scenarios are made of. Each marks a step on the recorder's timeline before it acts, and every
/// wait is a recorder condition with a deadline (re-evaluated on each watch event).
/// </summary>
public sealed class WorkloadSteps(KubeClient client, ScenarioRecorder recorder, TimeSpan stepTimeout)
{
    /// <summary>The namespace the steps act in.</summary>
    public string Namespace => recorder.Namespace;

    /// <summary>The recorder the steps mark and wait on.</summary>
    public ScenarioRecorder Recorder => recorder;

    /// <summary>Applies a (multi-document) manifest; returns the time the step was marked.</summary>
    public async Task<DateTimeOffset> ApplyAsync(string yaml, string label, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep(label);
        await client.ApplyAsync(yaml, Namespace, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>
    /// Applies the user's documents as rewritten for this namespace (server-side apply; kinds the client package does
    /// not model through discovery), after asking discovery whether the cluster serves each of them: a document it
    /// cannot take ends in a one-line <see cref="WorkloadInputException"/> before anything is applied.
    /// </summary>
    public async Task<DateTimeOffset> ApplyWorkloadAsync(WorkloadPlan plan, RewrittenWorkload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var at = recorder.MarkStep($"applied the workload's {workload.Documents.Count} document(s) ({string.Join(", ", workload.Documents.Select(d => d.Subject))})");
        await WorkloadDiscovery.ApplyAsync(client, plan, workload, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Waits until pods <c>set-0..replicas-1</c> all exist and are Ready (and no other ordinal exists).</summary>
    public Task<NamespaceView> WaitAllReadyAsync(string setName, int replicas, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.AllReady(setName, replicas), stepTimeout, $"all {replicas} pods of {setName} Ready", cancellationToken);

    /// <summary>Waits until pod <paramref name="name"/> exists, is Running and not terminating.</summary>
    public Task<NamespaceView> WaitRunningAsync(string name, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue(name, out var p) && p.Status?.Phase == "Running" && p.Metadata.DeletionTimestamp is null,
            stepTimeout, $"pod {name} Running", cancellationToken);

    /// <summary>Waits until no pod of the set exists any more (terminating ones included).</summary>
    public Task<NamespaceView> WaitNoPodsAsync(string setName, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.PodsOf(setName).Count == 0, stepTimeout, $"no pods of {setName} left", cancellationToken);

    /// <summary>Waits until each named claim is Bound to a volume, as seen by the recorder's claim watch.</summary>
    public Task<NamespaceView> WaitClaimsBoundAsync(IReadOnlyList<string> claimNames, CancellationToken cancellationToken) =>
        recorder.WaitUntilAsync(v => v.ClaimsBound(claimNames), stepTimeout, $"PVCs {string.Join(", ", claimNames)} Bound", cancellationToken);

    /// <summary>
    /// A barrier: returns once the StatefulSet controller has completed a sync of the set that began after this call.
    /// It moves spec.updateStrategy.rollingUpdate.partition away and back (see <see cref="ControllerSync"/> for why
    /// that changes no pod on any supported server), then waits for status.observedGeneration to reach the second
    /// patch's generation. Anything the controller decided in that sync (e.g. creating the next pod) was decided on the
    /// pods as they are now. Refuses OnDelete sets and sets in the middle of an update.
    /// </summary>
    public async Task<DateTimeOffset> SyncControllerAsync(string setName, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"controller sync barrier on {setName}");
        // An empty merge patch changes nothing and answers with the stored object, status included.
        var current = await client.PatchMergeAsync<V1StatefulSet>(Namespace, setName, "{}", null, cancellationToken).ConfigureAwait(false);
        var (away, back) = ControllerSync.BarrierPatches(current);
        await client.PatchMergeAsync<V1StatefulSet>(Namespace, setName, away, null, cancellationToken).ConfigureAwait(false);
        var stored = await client.PatchMergeAsync<V1StatefulSet>(Namespace, setName, back, null, cancellationToken).ConfigureAwait(false);
        var generation = ControllerSync.Generation(stored);
        await client.WaitForAsync<V1StatefulSet>(Namespace, setName, s => s.Status?.ObservedGeneration >= generation, stepTimeout, cancellationToken)
            .ConfigureAwait(false);
        return at;
    }

    /// <summary>Sets spec.replicas through the scale subresource; returns the time the step was marked.</summary>
    public async Task<DateTimeOffset> ScaleAsync(string setName, int replicas, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"scaled {setName} to {replicas}");
        var patch = string.Create(CultureInfo.InvariantCulture, $$$"""{"spec":{"replicas":{{{replicas}}}}}""");
        await client.PatchMergeAsync<V1StatefulSet>(Namespace, setName, patch, "scale", cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Deletes every pod matching the selector at once; returns the time the step was marked.</summary>
    public async Task<DateTimeOffset> DeletePodsAsync(string labelSelector, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"deleted pods -l {labelSelector}");
        await client.DeleteCollectionAsync<V1Pod>(Namespace, labelSelector, null, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Deletes one pod; returns the time the step was marked.</summary>
    public async Task<DateTimeOffset> DeletePodAsync(string name, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"deleted pod {name}");
        await client.DeleteAsync<V1Pod>(Namespace, name, null, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Deletes the StatefulSet (its pods go with it, its claims stay) and waits until its pods are gone.</summary>
    public async Task<DateTimeOffset> DeleteStatefulSetAsync(string setName, CancellationToken cancellationToken)
    {
        var at = recorder.MarkStep($"deleted statefulset {setName}");
        await client.DeleteAsync<V1StatefulSet>(Namespace, setName, new V1DeleteOptions { PropagationPolicy = "Background" }, cancellationToken)
            .ConfigureAwait(false);
        await client.WaitUntilGoneAsync<V1StatefulSet>(Namespace, setName, stepTimeout, cancellationToken).ConfigureAwait(false);
        await WaitNoPodsAsync(setName, cancellationToken).ConfigureAwait(false);
        return at;
    }

    /// <summary>Deletes the named claims and waits until the recorder has seen each of them gone.</summary>
    public async Task DeleteClaimsAsync(IReadOnlyList<string> claimNames, CancellationToken cancellationToken)
    {
        recorder.MarkStep($"deleted PVCs {string.Join(", ", claimNames)}");
        foreach (var name in claimNames)
        {
            await client.DeleteAsync<V1PersistentVolumeClaim>(Namespace, name, null, cancellationToken).ConfigureAwait(false);
        }

        await recorder.WaitUntilAsync(v => claimNames.All(n => !v.Claims.ContainsKey(n)), stepTimeout,
            $"PVCs {string.Join(", ", claimNames)} gone", cancellationToken).ConfigureAwait(false);
    }
}
