using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// Scale-up supply: 3 → N (<c>--scale-to</c>, default 6, raised to 3 + <c>--samples</c> so that each class gets that
/// many samples, one per new ordinal): each new ordinal's claim is created and Bound and its pod Ready, in ordinal
/// order; a class that runs out (claims stay Pending) fails with the Pending diagnosis.
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class ScaleUpSupplyScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task ScalingUp_BindsANewClaimPerOrdinalInOrder_AndEachPodHoldsOnlyItsOwnData()
    {
        // Given a Ready set of 3 on the class
        var set = StorageSet();
        await CreateStorageSetAsync(set);
        var to = Math.Max(Options.ScaleTo, set.Replicas + SampleCount);

        // When it is scaled to N
        var scaledAt = await Steps.ScaleAsync(set.Name, to, Cancellation);
        await WaitOrVerifyAsync(v => v.AllReady(set.Name, to) && v.ClaimsBound([.. Enumerable.Range(0, to).Select(set.ClaimName)]),
            $"all {to} pods of {set.Name} Ready on Bound claims",
            () => ScaleUpSupply.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, to, scaledAt, Profile));

        // Then each new ordinal got its claim, Bound, and its pod Ready, in ordinal order
        var timeline = Recorder.BuildTimeline();
        Verify(ScaleUpSupply.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, to, scaledAt, Profile));

        // And every pod, old and new, holds exactly its own data file
        await WriteDataAsync([.. Enumerable.Range(0, to).Select(set.PodName)]);

        // And (negative control) asking for one ordinal more than was scaled to fails
        VerifyControlFails(ScaleUpSupply.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, to + 1, scaledAt, Profile), set.ClaimName(to));
        Measure(ScaleUpSupply.Measure(timeline, ManifestRenderer.ClaimTemplateName, set.Name, Profile.Name, set.Replicas, to, scaledAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates(StorageMetric.ScaleUpSupply);
    }
}
