using ConformanceKit.Conformance.Scenarios.Storage;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 6: each pod gets its own claim <c>data-&lt;set&gt;-&lt;i&gt;</c>, Bound; a marker written in pod i survives
/// the deletion of pod i, and pod i never sees pod j's marker. Runs once per storage class.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class PerPodStorageScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task EachPodOwnsItsClaim_AndItsMarkerSurvivesThePodsDeletion()
    {
        // Given a Ready StatefulSet of 3 with a claim template, and a marker written in each pod
        var set = StorageSet();
        var pods = (await CreateStorageSetAsync(set)).ToList();
        var written = await Commands.WriteMarkersAsync(pods, Namespace, Cancellation);
        Verify(PerPodStorage.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas));

        // When pod 1 is deleted and comes back
        var victim = set.PodName(1);
        var oldUid = Recorder.Current.Pods[victim].Metadata.Uid;
        var deletedAt = await Steps.DeletePodAsync(victim, Cancellation);
        await Recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue(victim, out var p) && p.Metadata.Uid != oldUid && NamespaceView.IsReady(p),
            StepTimeout, $"{victim} replaced and Ready", Cancellation);
        var read = await Commands.ReadMarkersAsync(pods, Cancellation);

        // Then every pod (the new web-1 included) reads its own marker and no other
        Verify(PerPodStorage.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, written, read));

        // And (negative control) the same reads checked against markers shifted by one ordinal fail
        var shifted = pods.ToDictionary(p => p, p => written[pods[(pods.IndexOf(p) + 1) % pods.Count]]);
        VerifyControlFails(PerPodStorage.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, shifted, read), "'s marker '", "expected its own");
        Measure(ReattachLatency.Measure(Recorder.BuildTimeline(), set.Name, Profile.Name, deletedAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }
}
