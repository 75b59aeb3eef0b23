using ConformanceKit.Kube.Api;
using ConformanceKit.Kube.Models;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// Re-attach after a force deletion (gracePeriodSeconds 0: the API object goes at once, the kubelet stops the old
/// container afterwards): the replacement starts on the same claim and volume, with the same data.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class ForceDeleteReattachScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task ForceDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set of 3 on the class, each pod with its data file
        var set = StorageSet();
        var pods = await CreateStorageSetAsync(set);
        var written = await WriteDataAsync(pods);

        // When web-1 is force-deleted and comes back
        var victim = set.PodName(1);
        var oldUid = Recorder.Current.Pods[victim].Metadata.Uid;
        var deletedAt = Recorder.MarkStep($"force-deleted pod {victim} (grace 0)");
        await Client.DeleteAsync<Pod>(Namespace, victim, new DeleteOptions { GracePeriodSeconds = 0 }, Cancellation);
        await WaitReplacedAsync(victim, oldUid);

        // Then the deletion was a force deletion, the replacement runs on the same claim and volume, every file is intact
        var timeline = Recorder.BuildTimeline();
        Verify(ReattachCheck.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 1, deletedAt, forced: true));
        await VerifyDataAsync($"after the force deletion of {victim}", written);

        // And (negative control) web-0, which was not deleted, does not pass as re-attached
        VerifyControlFails(ReattachCheck.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 0, deletedAt, forced: true), set.PodName(0), "never deleted");
        Measure(ReattachLatency.Measure(timeline, set.Name, Profile.Name, deletedAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }
}
