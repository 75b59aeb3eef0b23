using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Timeline;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// Reclaim: once the test deleted its set and claims, each volume is deleted (reclaimPolicy Delete) or kept Released
/// (Retain: a warning naming the volumes; they are deleted at cleanup, being this test's).
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class ReclaimScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task DeletingTheClaims_DeletesOrReleasesTheirVolumes_AsTheReclaimPolicySays()
    {
        // Given a Ready set of 3 on the class, its claims Bound
        var set = StorageSet();
        await CreateStorageSetAsync(set);
        var claims = Enumerable.Range(0, set.Replicas).Select(set.ClaimName).ToList();
        var volumeOfClaim = claims.ToDictionary(c => c, c => Recorder.Current.Claims[c].Spec!.VolumeName!);
        MeasureBindAndAttach(set);

        // When the set and then its claims are deleted
        await Steps.DeleteStatefulSetAsync(set.Name, Cancellation);
        await Steps.DeleteClaimsAsync(claims, Cancellation);
        var retain = Profile.ReclaimPolicy == "Retain";
        var settled = await Volumes.WaitSettledAsync(volumeOfClaim.Values, v => retain && v.Status?.Phase == "Released", Cancellation);

        // Then the volumes went as the policy says (Retain: named in a warning)
        var result = Verify(Reclaim.Check(Profile.Name, Profile.ReclaimPolicy, volumeOfClaim, settled.Remaining));
        Note(result.Message);

        // And (negative control) the same volumes judged under the other policy fail
        VerifyControlFails(Reclaim.Check(Profile.Name, retain ? "Delete" : "Retain", volumeOfClaim, settled.Remaining), "volume");
        var timeline = Recorder.BuildTimeline();
        var reclaimed = new List<LatencySample>();
        foreach (var claim in claims)
        {
            if (timeline.Claims.LastOrDefault(h => h.Name == claim)?.Gone is { } claimGone && settled.GoneAt.TryGetValue(volumeOfClaim[claim], out var volumeGone))
            {
                reclaimed.Add(LatencySample.Between(StorageMetric.Reclaim, Profile.Name, volumeOfClaim[claim], claimGone, new Instant(null, volumeGone), "PVC gone → PersistentVolume gone"));
            }
        }

        Measure(reclaimed);
    }
}
