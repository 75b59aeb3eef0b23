using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Workload;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>
/// The storage promises on the user's set, per volumeClaimTemplate: one claim per pod, Bound to its own volume,
/// the same claims and volumes after every pod is deleted, after a scale to 0 and back, and after the set is deleted
/// and re-created from the same document. A retention policy the server stored that deletes claims is a violation
/// naming it, with the deleted claims as evidence (a policy the server dropped deletes nothing: checked); a set without
/// templates is skipped.
/// </summary>
[Category(Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class WorkloadStorageScenario : WorkloadScenarioTest
{
    [Test]
    public async Task PerPodStorage_EachPodOwnsABoundClaimPerTemplate_AndKeepsItWhenThePodIsReplaced()
    {
        // Given the user's set, Ready, with its claims Bound
        Promise(WorkloadPromises.PerPodStorage);
        await DeployWithClaimsAsync();

        // Then each pod mounts its own claim of each template, each Bound to a volume of its own
        foreach (var template in Shape.Templates)
        {
            Verify(PerPodStorage.Check(Recorder.BuildTimeline(), template, Shape.Name, Shape.Replicas));
        }

        // When every pod is deleted and replaced
        var (deletedAt, _) = await ReplaceAllPodsAsync();

        // Then the new pods mount the same claims, still Bound to the same volumes
        foreach (var template in Shape.Templates)
        {
            Verify(PerPodStorage.Check(Recorder.BuildTimeline(), template, Shape.Name, Shape.Replicas));
            Verify(Retention.Check(Recorder.BuildTimeline(), template, Shape.Name, Shape.Replicas, deletedAt, deletedAt, disruption: "pod deletion"));
        }
    }

    [Test]
    public async Task ClaimsSurviveScaleToZero_TheSameClaimsAndVolumesComeBackWithThePods()
    {
        // Given the user's set, Ready with its claims Bound, and its retention policy as the server stored it
        Promise(WorkloadPromises.ClaimsSurviveScaleToZero);
        await DeployWithClaimsAsync();
        var verdict = await StoredVerdictAsync(WorkloadPromises.ClaimsSurviveScaleToZero);
        if (verdict.Outcome == PromiseOutcome.Violation)
        {
            // When a set whose stored whenScaled is Delete is scaled to 0, Then it fails naming the policy, the deleted claims as evidence
            var scaledAt = await Steps.ScaleAsync(Shape.Name, 0, Cancellation);
            await Steps.WaitNoPodsAsync(Shape.Name, Cancellation);
            await WaitClaimsDeletedAsync([.. Enumerable.Range(0, Shape.Replicas)], "after the scale to 0");
            VerifyEvidence(verdict, t => RetentionPolicyCheck.WhenScaled(Recorder.BuildTimeline(), t, Shape.Name, Shape.Replicas, 0, scaledAt, "Retain"));
            return;
        }

        // When it is scaled to 0 and back
        var (downAt, upAt) = await ScaleToZeroAndBackAsync();

        // Then every claim stayed Bound to its volume and the new pods mount it
        foreach (var template in Shape.Templates)
        {
            Verify(Retention.Check(Recorder.BuildTimeline(), template, Shape.Name, Shape.Replicas, downAt, upAt, disruption: "scale to 0"));
        }
    }

    [Test]
    public async Task ClaimsSurviveTheSet_DeletedAndReCreated_TheSetGetsTheSameClaimsAndVolumes()
    {
        // Given the user's set, Ready with its claims Bound, and its retention policy as the server stored it
        Promise(WorkloadPromises.ClaimsSurviveTheSet);
        await DeployWithClaimsAsync();
        var verdict = await StoredVerdictAsync(WorkloadPromises.ClaimsSurviveTheSet);

        // When the set is deleted (its pods with it)
        var deletedAt = await Steps.DeleteStatefulSetAsync(Shape.Name, Cancellation);
        if (verdict.Outcome == PromiseOutcome.Violation)
        {
            // Then a set whose stored whenDeleted is Delete fails naming the policy, the deleted claims as evidence
            await WaitClaimsDeletedAsync([.. Enumerable.Range(0, Shape.Replicas)], "with the set");
            VerifyEvidence(verdict, t => RetentionPolicyCheck.WhenDeleted(Recorder.BuildTimeline(), t, Shape.Name, Shape.Replicas, deletedAt, "Retain"));
            return;
        }

        // When it is re-created from the same document
        var recreatedAt = await RecreateSetAsync();
        await Steps.WaitAllReadyAsync(Shape.Name, Shape.Replicas, Cancellation);

        // Then every claim stayed Bound to its volume and the re-created pods mount it
        foreach (var template in Shape.Templates)
        {
            Verify(Retention.Check(Recorder.BuildTimeline(), template, Shape.Name, Shape.Replicas, deletedAt, recreatedAt));
        }
    }

    [Test]
    public async Task DataMarkers_WrittenInEachClaim_AreReadBackAfterReplacementAndReCreation()
    {
        // Given the user's set, Ready, and the containers that mount a claim writable and have a shell
        Promise(WorkloadPromises.DataMarkers);
        await DeployAsync();
        var markers = DataMarkerPlan.For(Applied.StatefulSet(Shape.Name)); // as applied: a skip names the image that ran
        markers = markers.WithShells(await InPods.ShellContainersAsync(Shape.PodName(0), markers.Targets.Select(t => t.Container), Cancellation));
        Note(markers.Verdict.ToString());
        if (markers.Verdict.Outcome != PromiseOutcome.Check)
        {
            Assert.Ignore($"{WorkloadPromises.DataMarkers}: {markers.Verdict.Reason}");
        }

        // When a marker is written in each pod's claims and every pod is replaced
        var written = await InPods.WriteMarkersAsync(Shape.PodNames, markers.Targets, Session.Run.Id, Cancellation);
        await ReplaceAllPodsAsync();

        // Then each pod reads its own markers and no other pod's
        var read = await InPods.ReadMarkersAsync(Shape.PodNames, markers.Targets, Session.Run.Id, Cancellation);
        Verify(DataMarkerCheck.Check(written, read, "every pod was replaced"));

        // When the set is deleted and re-created (unless its retention policy deletes the claims with it)
        if (await StoredVerdictAsync(WorkloadPromises.ClaimsSurviveTheSet) is { Outcome: not PromiseOutcome.Check } survive)
        {
            Note($"markers not read after re-creation: {survive}");
            return;
        }

        await Steps.DeleteStatefulSetAsync(Shape.Name, Cancellation);
        await RecreateSetAsync();
        await Steps.WaitAllReadyAsync(Shape.Name, Shape.Replicas, Cancellation);

        // Then the re-created pods read the same markers
        Verify(DataMarkerCheck.Check(written, await InPods.ReadMarkersAsync(Shape.PodNames, markers.Targets, Session.Run.Id, Cancellation), "the set was re-created"));
    }

    /// <summary>The violation, per claim template, with the promise's own check (the claims are kept) over the timeline as its evidence.</summary>
    private void VerifyEvidence(PromiseVerdict verdict, Func<string, CheckResult> keptCheck)
    {
        foreach (var template in Shape.Templates)
        {
            Verify(PromiseGate.Violation(verdict, keptCheck(template)));
        }
    }
}
