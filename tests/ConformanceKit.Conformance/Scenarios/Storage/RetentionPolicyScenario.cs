using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// persistentVolumeClaimRetentionPolicy: Delete removes the claims of scaled-away ordinals and, with the set, all of
/// them; Retain keeps them and a scale-up mounts the same claims with their data. Skipped with the reason on servers
/// that do not store the field (read back from the stored set).
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class RetentionPolicyScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    private const string Template = ManifestRenderer.ClaimTemplateName;

    [Test]
    public async Task DeletePolicies_RemoveTheScaledAwayClaims_ThenTheRestWithTheSet()
    {
        // Given a Ready set of 3 with whenScaled=Delete, whenDeleted=Delete, as the server stored it
        var set = await CreateWithPolicyAsync(new ClaimRetentionPolicy("Delete", "Delete"));

        // When it is scaled to 1
        var scaledAt = await Steps.ScaleAsync(set.Name, 1, Cancellation);
        await WaitOrVerifyAsync(v => !v.Claims.ContainsKey(set.ClaimName(1)) && !v.Claims.ContainsKey(set.ClaimName(2)),
            $"claims {set.ClaimName(1)}, {set.ClaimName(2)} gone",
            () => RetentionPolicyCheck.WhenScaled(Recorder.BuildTimeline(), Template, set.Name, 3, 1, scaledAt, "Delete"));

        // Then the claims of web-1 and web-2 were deleted and web-0's kept (negative control: Retain's expectation fails)
        var timeline = Recorder.BuildTimeline();
        Verify(RetentionPolicyCheck.WhenScaled(timeline, Template, set.Name, 3, 1, scaledAt, "Delete"));
        VerifyControlFails(RetentionPolicyCheck.WhenScaled(timeline, Template, set.Name, 3, 1, scaledAt, "Retain"), "although whenScaled=Retain keeps it");

        // When the set is deleted
        var deletedAt = await Steps.DeleteStatefulSetAsync(set.Name, Cancellation);
        await WaitOrVerifyAsync(v => !v.Claims.ContainsKey(set.ClaimName(0)), $"claim {set.ClaimName(0)} gone",
            () => RetentionPolicyCheck.WhenDeleted(Recorder.BuildTimeline(), Template, set.Name, 1, deletedAt, "Delete"));

        // Then the last claim went with it (negative control: Retain's expectation fails)
        timeline = Recorder.BuildTimeline();
        Verify(RetentionPolicyCheck.WhenDeleted(timeline, Template, set.Name, 1, deletedAt, "Delete"));
        VerifyControlFails(RetentionPolicyCheck.WhenDeleted(timeline, Template, set.Name, 1, deletedAt, "Retain"), "although whenDeleted=Retain keeps it");
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }

    [Test]
    public async Task RetainPolicies_KeepTheClaims_AndAScaleUpMountsThemWithTheirData()
    {
        // Given a Ready set of 3 with whenScaled=Retain, whenDeleted=Retain, as the server stored it, and data in each pod
        var set = await CreateWithPolicyAsync(new ClaimRetentionPolicy("Retain", "Retain"));
        var pods = Enumerable.Range(0, set.Replicas).Select(set.PodName).ToList();
        var written = await WriteDataAsync(pods);

        // When it is scaled to 1 and the controller has synced since
        var scaledAt = await Steps.ScaleAsync(set.Name, 1, Cancellation);
        await Recorder.WaitUntilAsync(v => v.PodsOf(set.Name).Count == 1 && v.AllReady(set.Name, 1), StepTimeout, $"{set.Name} down to 1 pod", Cancellation);
        await Steps.SyncControllerAsync(set.Name, Cancellation);

        // Then every claim is kept (negative control: Delete's expectation fails)
        var timeline = Recorder.BuildTimeline();
        Verify(RetentionPolicyCheck.WhenScaled(timeline, Template, set.Name, 3, 1, scaledAt, "Retain"));
        VerifyControlFails(RetentionPolicyCheck.WhenScaled(timeline, Template, set.Name, 3, 1, scaledAt, "Delete"), "was not deleted (whenScaled=Delete)");

        // When it is scaled back to 3
        var scaledUpAt = await Steps.ScaleAsync(set.Name, 3, Cancellation);
        await Steps.WaitAllReadyAsync(set.Name, 3, Cancellation);

        // Then web-1 and web-2 mount their retained claims and find their data
        Verify(RetentionPolicyCheck.Remounted(Recorder.BuildTimeline(), Template, set.Name, [1, 2], scaledAt, scaledUpAt));
        await VerifyDataAsync("after scaling back up to 3", written);

        // When the set is deleted, Then its claims stay (negative control: Delete's expectation fails)
        var deletedAt = await Steps.DeleteStatefulSetAsync(set.Name, Cancellation);
        timeline = Recorder.BuildTimeline();
        Verify(RetentionPolicyCheck.WhenDeleted(timeline, Template, set.Name, 3, deletedAt, "Retain"));
        VerifyControlFails(RetentionPolicyCheck.WhenDeleted(timeline, Template, set.Name, 3, deletedAt, "Delete"), "was not deleted with");
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }

    private async Task<StatefulSetParameters> CreateWithPolicyAsync(ClaimRetentionPolicy policy)
    {
        var set = StorageSet() with { ClaimRetention = policy };
        await CreateSetAsync(set);
        var stored = await Client.GetAsync<V1StatefulSet>(Namespace, set.Name, Cancellation)
            ?? throw new InvalidOperationException($"StatefulSet {set.Name} was applied but cannot be read back");
        if (RetentionPolicySupport.SkipReason(stored) is { } reason)
        {
            Assert.Ignore(reason);
        }

        if (RetentionPolicySupport.Mismatch(stored, policy.WhenScaled, policy.WhenDeleted) is { } mismatch)
        {
            Assert.Fail(mismatch);
        }

        await WaitStorageSetReadyAsync(set);
        return set;
    }
}
