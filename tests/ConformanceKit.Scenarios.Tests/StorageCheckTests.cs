using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

public sealed class StorageCheckTests
{
    private static readonly Dictionary<string, string> Written = new() { ["web-0"] = "marker-web-0", ["web-1"] = "marker-web-1", ["web-2"] = "marker-web-2" };

    private static Timeline.Timeline Live() => Hand.OrderedLifecycle() with
    {
        Pods = Hand.OrderedLifecycle().Pods.Select(p => p with { TerminationRequested = null, Gone = null }).ToList(),
    };

    [Test]
    public void PerPodStorage_OwnClaimsAndMarkers_Passes()
    {
        // Given / When / Then
        PerPodStorage.Check(Live(), "data", "web", 3, Written, Written).ShouldPass();
    }

    [Test]
    public void PerPodStorage_SwappedMarkers_FailsNamingTheOtherPod()
    {
        // Given web-0 and web-1 read each other's marker
        var read = new Dictionary<string, string>(Written) { ["web-0"] = "marker-web-1\n", ["web-1"] = "marker-web-0" };

        // When / Then
        PerPodStorage.Check(Live(), "data", "web", 3, Written, read)
            .ShouldFail("web-0 read web-1's marker 'marker-web-1', expected its own 'marker-web-0'");
    }

    [Test]
    public void PerPodStorage_PodMountsAnotherPodsClaim_Fails()
    {
        // Given web-1 mounts data-web-0
        var timeline = Live();
        timeline = timeline with { Pods = [timeline.Pods[0], timeline.Pods[1] with { ClaimNames = ["data-web-0"] }, timeline.Pods[2]] };

        // When / Then
        PerPodStorage.Check(timeline, "data", "web", 3).ShouldFail("web-1 (uid-a1) mounts claim(s) [data-web-0], expected data-web-1");
    }

    [Test]
    public void PerPodStorage_ClaimPending_Fails()
    {
        // Given data-web-2 never bound
        var timeline = Live();
        var pending = timeline.Claims[2] with { Phases = [timeline.Claims[2].Phases[0]] };
        timeline = timeline with { Claims = [timeline.Claims[0], timeline.Claims[1], pending] };

        // When / Then
        PerPodStorage.Check(timeline, "data", "web", 3).ShouldFail("claim data-web-2 is Pending, not Bound");
    }

    private static Timeline.Timeline Recreated(Timeline.ClaimHistory? replaceClaim0 = null)
    {
        var old = Hand.OrderedLifecycle();
        var fresh = new[]
        {
            Hand.Pod("web-0", "new-0", 40, ready: 42, claim: "data-web-0"),
            Hand.Pod("web-1", "new-1", 42, ready: 44, claim: "data-web-1"),
            Hand.Pod("web-2", "new-2", 44, ready: 46, claim: "data-web-2"),
        };
        var claims = replaceClaim0 is null ? old.Claims : [replaceClaim0, .. old.Claims.Skip(1)];
        return old with { Pods = [.. old.Pods, .. fresh], Claims = claims };
    }

    [Test]
    public void Retention_ClaimsKeptAndRemounted_Passes()
    {
        // Given the set deleted at t=30 and re-created at t=39.5
        // When / Then
        Retention.Check(Recreated(), "data", "web", 3, Hand.At(30), Hand.At(39.5), Written, Written).ShouldPass();
    }

    [Test]
    public void Retention_ClaimDeletedWithSet_Fails()
    {
        // Given data-web-0 was deleted along with the set
        var deleted = Hand.Claim("data-web-0", "c0", 0, "pv-0", deleted: 31);

        // When / Then
        Retention.Check(Recreated(deleted), "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("claim data-web-0 was deleted at 10:00:31.200Z (observed), after the set deletion");
    }

    [Test]
    public void Retention_ClaimReboundToAnotherVolume_Fails()
    {
        // Given data-web-0 now names a different volume
        var rebound = Hand.Claim("data-web-0", "c0", 0, "pv-0") with { VolumeNames = ["pv-0", "pv-9"] };

        // When / Then
        Retention.Check(Recreated(rebound), "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("claim data-web-0 changed volume: pv-0 -> pv-9");
    }

    [Test]
    public void Retention_OldMarkerLost_Fails()
    {
        // Given web-2 reads an empty marker after re-creation
        var read = new Dictionary<string, string>(Written) { ["web-2"] = "" };

        // When / Then
        Retention.Check(Recreated(), "data", "web", 3, Hand.At(30), Hand.At(39.5), Written, read)
            .ShouldFail("web-2 read marker '', expected 'marker-web-2'");
    }
}
