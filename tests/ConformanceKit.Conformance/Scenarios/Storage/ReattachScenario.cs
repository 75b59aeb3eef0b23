using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Timeline;
using NUnit.Framework;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// Re-attach after a pod deletion, graceful and forced (gracePeriodSeconds 0: the API object goes at once, the kubelet
/// stops the old container afterwards): the replacement starts on the same claim and volume, with the same data.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class ReattachScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    private const string Template = ManifestRenderer.ClaimTemplateName;

    [Test]
    public async Task GracefulDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set of 3 on the class, each pod with its data file
        // When web-1 is deleted with its grace period and comes back
        // Then the replacement runs on the same claim and volume, and every pod holds its own file, intact
        var (set, timeline, deletedAt) = await DeleteAndReattachAsync(forced: false,
            victim => Steps.DeletePodAsync(victim, Cancellation));

        // And (negative control) judged as a force deletion it fails: the server recorded a grace period above 0
        VerifyControlFails(ReattachCheck.Check(timeline, Template, set.Name, 1, deletedAt, forced: true), "expected a force deletion (0)");
    }

    [Test]
    public async Task ForceDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set of 3 on the class, each pod with its data file
        // When web-1 is force-deleted and comes back
        // Then the deletion was a force deletion, the replacement runs on the same claim and volume, every file is intact
        var (set, timeline, deletedAt) = await DeleteAndReattachAsync(forced: true, async victim =>
        {
            var at = Recorder.MarkStep($"force-deleted pod {victim} (grace 0)");
            await Client.DeleteAsync<V1Pod>(Namespace, victim, new V1DeleteOptions { GracePeriodSeconds = 0 }, Cancellation);
            return at;
        });

        // And (negative control) web-0, which was not deleted, does not pass as re-attached
        VerifyControlFails(ReattachCheck.Check(timeline, Template, set.Name, 0, deletedAt, forced: true), set.PodName(0), "never deleted");
    }

    private async Task<(StatefulSetParameters Set, Timeline Timeline, DateTimeOffset DeletedAt)> DeleteAndReattachAsync(
        bool forced, Func<string, Task<DateTimeOffset>> delete)
    {
        var set = StorageSet();
        var written = await WriteDataAsync(await CreateStorageSetAsync(set));
        var victim = set.PodName(1);
        var oldUid = Recorder.Current.Pods[victim].Metadata.Uid;
        var deletedAt = await delete(victim);
        await WaitReplacedAsync(victim, oldUid);

        var timeline = Recorder.BuildTimeline();
        Verify(ReattachCheck.Check(timeline, Template, set.Name, 1, deletedAt, forced));
        await VerifyDataAsync($"after the {(forced ? "force" : "graceful")} deletion of {victim}", written);
        Measure(ReattachLatency.Measure(timeline, set.Name, Profile.Name, deletedAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
        return (set, timeline, deletedAt);
    }
}
