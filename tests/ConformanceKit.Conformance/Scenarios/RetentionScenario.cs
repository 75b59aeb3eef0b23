using ConformanceKit.Conformance.Scenarios.Storage;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 7: deleting the StatefulSet leaves its claims Bound with their data; re-creating it binds the same
/// claims (same volumes) and the pods read the old markers. The test then deletes the claims itself. Runs once per
/// storage class.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class RetentionScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task DeletingTheSet_KeepsItsClaimsBound_AndARecreatedSetReadsTheOldMarkers()
    {
        // Given a Ready StatefulSet of 3 with storage and a marker in each pod
        var set = StorageSet();
        var pods = await CreateStorageSetAsync(set);
        var claims = Enumerable.Range(0, set.Replicas).Select(set.ClaimName).ToList();
        var volumes = claims.ToDictionary(c => c, c => Recorder.Current.Claims[c].Spec?.VolumeName);
        var written = await Commands.WriteMarkersAsync(pods, Namespace, Cancellation);

        // When the set is deleted
        var deletedAt = await Steps.DeleteStatefulSetAsync(set.Name, Cancellation);

        // Then its claims remain, Bound to the same volumes
        var kept = Recorder.Current;
        foreach (var claim in claims)
        {
            kept.Claims.ContainsKey(claim).ShouldBeTrue($"claim {claim} should survive the deletion of {set.Name}: {kept.Describe()}");
            kept.Claims[claim].Status?.Phase.ShouldBe("Bound", $"claim {claim} after the set's deletion");
            kept.Claims[claim].Spec?.VolumeName.ShouldBe(volumes[claim]);
        }

        // When the set is re-created
        var recreatedAt = await ApplySetAsync(set);
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);
        var read = await Commands.ReadMarkersAsync(pods, Cancellation);

        // Then the new pods mount the same claims and read the old markers
        Verify(Retention.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, deletedAt, recreatedAt, written, read));

        MeasureBindAndAttach(set);
        VerifyLatencyGates();

        // And the test cleans up explicitly: the set, then its claims
        await Steps.DeleteStatefulSetAsync(set.Name, Cancellation);
        await Steps.DeleteClaimsAsync(claims, Cancellation);
    }
}
