using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>Re-attach after a graceful pod deletion: the replacement starts on the same claim and volume, with the same data.</summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class GracefulReattachScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task GracefulDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set of 3 on the class, each pod with its data file
        var set = StorageSet();
        var pods = await CreateStorageSetAsync(set);
        var written = await WriteDataAsync(pods);

        // When web-1 is deleted with its grace period and comes back
        var victim = set.PodName(1);
        var oldUid = Recorder.Current.Pods[victim].Metadata.Uid;
        var deletedAt = await Steps.DeletePodAsync(victim, Cancellation);
        await WaitReplacedAsync(victim, oldUid);

        // Then the replacement runs on the same claim and volume, and every pod holds its own file, intact
        var timeline = Recorder.BuildTimeline();
        Verify(ReattachCheck.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 1, deletedAt, forced: false));
        await VerifyDataAsync($"after the graceful deletion of {victim}", written);

        // And (negative control) judged as a force deletion it fails: the server recorded a grace period above 0
        VerifyControlFails(ReattachCheck.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 1, deletedAt, forced: true), "expected a force deletion (0)");
        Measure(ReattachLatency.Measure(timeline, set.Name, Profile.Name, deletedAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }
}
