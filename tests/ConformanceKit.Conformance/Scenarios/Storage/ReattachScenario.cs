using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
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
/// <c>--samples</c> deletions per test, in rounds (<see cref="SampleRounds"/>): each round deletes web-1..web-5 at once
/// (Parallel pod management re-creates them together), the next starts once they are back; web-0 is never deleted.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class ReattachScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    private const string Template = ManifestRenderer.ClaimTemplateName;

    [Test]
    public async Task GracefulDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set on the class, each pod with its data file
        // When web-1..web-5 are deleted with their grace period, round after round, and come back
        // Then each replacement runs on the same claim and volume, and every pod holds its own file, intact
        var (set, timeline, firstDeletedAt) = await DeleteAndReattachAsync(forced: false, victim => Steps.DeletePodAsync(victim, Cancellation));

        // And (negative control) judged as a force deletion it fails: the server recorded a grace period above 0
        VerifyControlFails(ReattachCheck.Check(timeline, Template, set.Name, 1, firstDeletedAt, forced: true), "expected a force deletion (0)");
    }

    [Test]
    public async Task ForceDeletion_ReplacementStartsOnTheSameClaimAndVolume_WithItsData()
    {
        // Given a Ready set on the class, each pod with its data file
        // When web-1..web-5 are force-deleted, round after round, and come back
        // Then each deletion was a force deletion, each replacement runs on the same claim and volume, every file is intact
        var (set, timeline, firstDeletedAt) = await DeleteAndReattachAsync(forced: true, async victim =>
        {
            var at = Recorder.MarkStep($"force-deleted pod {victim} (grace 0)");
            await Client.DeleteAsync<V1Pod>(Namespace, victim, new V1DeleteOptions { GracePeriodSeconds = 0 }, Cancellation);
            return at;
        });

        // And (negative control) web-0, which was not deleted, does not pass as re-attached
        VerifyControlFails(ReattachCheck.Check(timeline, Template, set.Name, 0, firstDeletedAt, forced: true), set.PodName(0), "never deleted");
    }

    private async Task<(StatefulSetParameters Set, Timeline Timeline, DateTimeOffset FirstDeletedAt)> DeleteAndReattachAsync(
        bool forced, Func<string, Task<DateTimeOffset>> delete)
    {
        var set = StorageSet(replicas: SampleRounds.Replicas(SampleCount), policy: PodManagementPolicy.Parallel);
        var written = await WriteDataAsync(await CreateStorageSetAsync(set));
        var kind = forced ? "force" : "graceful";
        var rounds = SampleRounds.Plan(SampleCount);
        DateTimeOffset? firstDeletedAt = null;
        for (var r = 0; r < rounds.Count; r++)
        {
            var victims = rounds[r].Select(set.PodName).ToList();
            var oldUids = victims.ToDictionary(v => v, v => Recorder.Current.Pods[v].Metadata.Uid);
            var marks = await Task.WhenAll(victims.Select(delete));
            var deletedAt = marks.Min();
            firstDeletedAt ??= deletedAt;
            await Recorder.WaitUntilAsync(
                v => victims.All(name => v.Pods.TryGetValue(name, out var p) && p.Metadata.Uid != oldUids[name] && NamespaceView.IsReady(p)),
                StepTimeout, $"round {r + 1} of {rounds.Count}: {string.Join(", ", victims)} replaced and Ready", Cancellation);

            var timeline = Recorder.BuildTimeline();
            foreach (var ordinal in rounds[r])
            {
                Verify(ReattachCheck.Check(timeline, Template, set.Name, ordinal, deletedAt, forced));
            }

            await VerifyDataAsync($"after round {r + 1} of {rounds.Count} of {kind} deletions ({string.Join(", ", victims)})", written);
        }

        var final = Recorder.BuildTimeline();
        Measure(ReattachLatency.Measure(final, set.Name, Profile.Name, firstDeletedAt!.Value));
        MeasureBindAndAttach(set);
        VerifyLatencyGates(forced ? StorageMetric.ReattachForced : StorageMetric.ReattachGraceful);
        return (set, final, firstDeletedAt.Value);
    }
}
