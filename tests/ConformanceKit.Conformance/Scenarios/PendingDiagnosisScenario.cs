using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using NUnit.Framework;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 8: pods whose storage class cannot provide a volume stay Pending and the harness says why in one
/// sentence; a WaitForFirstConsumer class's wait is told apart from that failure.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class PendingDiagnosisScenario : ScenarioTest
{
    [Test]
    public async Task NoProvisionerImmediateClass_LeavesThePodPending_AndTheDiagnosisSaysNoVolumeMatches()
    {
        // Given a no-provisioner class with Immediate binding and a StatefulSet using it
        var (set, storageClass) = await CreatePendingSetAsync(VolumeBindingMode.Immediate);

        // When the claim has a Warning event and the pod is Pending
        var view = await WaitPendingAsync(set, e => e.Type == "Warning");

        // Then the diagnosis names the claim, the class and the event
        var explanation = Explain(set, view, storageClass);
        explanation.Cause.ShouldBe(PendingCause.NoMatchingVolume, explanation.Sentence);
        explanation.Sentence.ShouldStartWith($"PVC {set.ClaimName(0)} is Pending");
        explanation.Sentence.ShouldContain(storageClass.Metadata.Name!);
    }

    [Test]
    public async Task NoProvisionerWaitForFirstConsumerClass_IsDiagnosedAsWaitingForTheConsumer_NotAsNoVolume()
    {
        // Given a no-provisioner class with WaitForFirstConsumer binding and a StatefulSet using it
        var (set, storageClass) = await CreatePendingSetAsync(VolumeBindingMode.WaitForFirstConsumer);

        // When the claim says it waits for its consumer
        var view = await WaitPendingAsync(set, e => e.Reason is "WaitForFirstConsumer" or "WaitForPodScheduled");

        // Then the diagnosis is the WaitForFirstConsumer one, not "no volume matches"
        var explanation = Explain(set, view, storageClass);
        explanation.Cause.ShouldNotBe(PendingCause.NoMatchingVolume, explanation.Sentence);
        explanation.Cause.ShouldBeOneOf(PendingCause.WaitingForFirstConsumer, PendingCause.FirstConsumerUnschedulable, PendingCause.NoVolumeForFirstConsumer);
        explanation.Sentence.ShouldContain("WaitForFirstConsumer");
    }

    private async Task<(StatefulSetParameters Set, V1StorageClass Class)> CreatePendingSetAsync(VolumeBindingMode mode)
    {
        var className = $"ck-manual-{Namespace}";
        var labels = Session.Run.Labels;

        // Registered before the apply (deleting a missing class is a no-op): a cluster-scoped class must not outlive
        // the test even when the apply's answer is lost after the server stored it.
        AddCleanup(ct => Client.DeleteAsync<V1StorageClass>(null, className, null, ct));
        await Steps.ApplyAsync(Manifests.Render(new StorageClassParameters { Name = className, BindingMode = mode, Labels = labels }),
            $"applied storageclass {className} (no-provisioner, {mode})", Cancellation);
        var storageClass = await Client.GetAsync<V1StorageClass>(null, className, Cancellation)
            ?? throw new InvalidOperationException($"storage class {className} was applied but cannot be read back");
        var set = SetParameters("web", StatefulSetVariant.WithStorage) with { StorageClassName = className };
        await CreateSetAsync(set);
        return (set, storageClass);
    }

    private Task<NamespaceView> WaitPendingAsync(StatefulSetParameters set, Func<Corev1Event, bool> claimEvent) =>
        Recorder.WaitUntilAsync(
            v => v.Claims.TryGetValue(set.ClaimName(0), out var c) && c.Status?.Phase == "Pending"
                && v.Pods.TryGetValue(set.PodName(0), out var p) && p.Status?.Phase == "Pending"
                && v.Events.Any(e => e.InvolvedObject?.Name == set.ClaimName(0) && claimEvent(e))
                && v.Events.Any(e => e.InvolvedObject?.Name == set.PodName(0) && e.Reason == "FailedScheduling"),
            StepTimeout, $"{set.ClaimName(0)} and {set.PodName(0)} Pending with their events", Cancellation);

    private PendingExplanation Explain(StatefulSetParameters set, NamespaceView view, V1StorageClass storageClass)
    {
        var explanation = PendingDiagnosis.Explain(view.Claims[set.ClaimName(0)], view.Events, storageClass, view.Pods[set.PodName(0)]);
        Note(explanation.Sentence);
        return explanation;
    }
}
