using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>The claim-survival promises of the workload scenarios, judged on the set as the server stored it.</summary>
public abstract partial class WorkloadScenarioTest
{
    /// <summary>
    /// The verdict of a claim-survival promise on the StatefulSet the server stored (noted): a server without the
    /// StatefulSetAutoDeletePVC gate drops the manifest's retention policy and keeps the claims (<see cref="StoredRetention"/>).
    /// </summary>
    protected async Task<PromiseVerdict> StoredVerdictAsync(string promise)
    {
        var stored = await Client.GetAsync<V1StatefulSet>(Namespace, Shape.Name, Cancellation)
            ?? throw new InvalidOperationException($"StatefulSet {Shape.Name} was applied but cannot be read back from namespace {Namespace}");
        var verdict = StoredRetention.Decide(promise, Plan.Workload.StatefulSet, stored);
        Note($"as the server stored it: {verdict}");
        return verdict;
    }

    /// <summary>
    /// Waits until every claim of <paramref name="ordinals"/> is deleted (gone or terminating), the evidence a
    /// deleting retention policy leaves; a claim still there after the step timeout is judged by the check instead.
    /// </summary>
    protected async Task WaitClaimsDeletedAsync(IReadOnlyList<int> ordinals, string after)
    {
        var names = Shape.Templates.SelectMany(t => ordinals.Select(i => PerPodStorage.ClaimName(t, Shape.Name, i))).ToList();
        var description = $"PVCs {string.Join(", ", names)} deleted {after}";
        try
        {
            await Recorder.WaitUntilAsync(v => names.All(n => !v.Claims.TryGetValue(n, out var claim) || claim.Metadata.DeletionTimestamp is not null),
                StepTimeout, description, Cancellation);
        }
        catch (TimeoutException)
        {
            Note($"not seen within {StepTimeout.TotalSeconds:0} s: {description}");
        }
    }
}
