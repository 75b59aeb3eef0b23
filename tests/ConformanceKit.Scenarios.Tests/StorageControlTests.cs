using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests;

/// <summary>Negative controls for per-pod storage and retention violations not covered elsewhere (each found by a surviving mutant).</summary>
public sealed class StorageControlTests
{
    private static readonly Dictionary<string, string> Written = new() { ["web-0"] = "marker-web-0", ["web-1"] = "marker-web-1", ["web-2"] = "marker-web-2" };

    private static Timeline.Timeline Live() => Hand.OrderedLifecycle() with
    {
        Pods = Hand.OrderedLifecycle().Pods.Select(p => p with { TerminationRequested = null, Gone = null }).ToList(),
    };

    private static Timeline.Timeline WithClaims(Timeline.Timeline timeline, params ClaimHistory[] claims) => timeline with { Claims = claims };

    [Test]
    public void PerPodStorage_TwoClaimsOnOneVolume_Fails()
    {
        // Given data-web-1 bound to web-0's volume
        var claims = Live().Claims;
        var timeline = WithClaims(Live(), claims[0], claims[1] with { VolumeNames = ["pv-0"] }, claims[2]);

        // When / Then
        PerPodStorage.Check(timeline, "data", "web", 3).ShouldFail("claims data-web-0 and data-web-1 are bound to the same volume pv-0");
    }

    [Test]
    public void PerPodStorage_ClaimMissingOrDeleted_Fails()
    {
        // Given data-web-2 never created, and in a second timeline deleted (gone)
        var claims = Live().Claims;
        var missing = WithClaims(Live(), claims[0], claims[1]);
        var gone = WithClaims(Live(), claims[0], claims[1], claims[2] with { Gone = Hand.Observed(30) });

        // When / Then
        PerPodStorage.Check(missing, "data", "web", 3).ShouldFail("claim data-web-2 does not exist");
        PerPodStorage.Check(gone, "data", "web", 3).ShouldFail("claim data-web-2 does not exist");
    }

    [Test]
    public void PerPodStorage_PodGone_FailsSayingNoLivePodMountsTheClaim()
    {
        // Given web-2 deleted and gone, its claim still Bound
        var pods = Live().Pods;
        var timeline = Live() with { Pods = [pods[0], pods[1], pods[2] with { Gone = Hand.Observed(30) }] };

        // When / Then
        PerPodStorage.Check(timeline, "data", "web", 3).ShouldFail("no live pod web-2 mounts claim data-web-2");
    }

    [Test]
    public void PerPodStorage_MarkerNotReadBack_Fails()
    {
        // Given web-1's marker was never read
        var read = new Dictionary<string, string>(Written);
        read.Remove("web-1");

        // When / Then
        PerPodStorage.Check(Live(), "data", "web", 3, Written, read).ShouldFail("web-1's marker was not read back");
    }

    private static Timeline.Timeline Recreated(Func<PodHistory, PodHistory>? freshPod = null, params ClaimHistory[] claims)
    {
        var old = Hand.OrderedLifecycle();
        var fresh = new[]
        {
            Hand.Pod("web-0", "new-0", 40, ready: 42, claim: "data-web-0"),
            Hand.Pod("web-1", "new-1", 42, ready: 44, claim: "data-web-1"),
            Hand.Pod("web-2", "new-2", 44, ready: 46, claim: "data-web-2"),
        }.Select(freshPod ?? (p => p));
        return old with { Pods = [.. old.Pods, .. fresh], Claims = claims.Length == 0 ? old.Claims : claims };
    }

    [Test]
    public void Retention_ClaimDeletedAndRecreatedUnderTheSameName_Fails()
    {
        // Given data-web-0 replaced by a new claim (new UID) of the same name after the set deletion
        var claims = Hand.OrderedLifecycle().Claims;
        var again = Hand.Claim("data-web-0", "c0-again", 35, "pv-9");

        // When / Then
        Retention.Check(Recreated(null, claims[0], claims[1], claims[2], again), "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("claim data-web-0 was re-created (UIDs c0, c0-again)");
    }

    [Test]
    public void Retention_ClaimLostAfterTheSetDeletion_Fails()
    {
        // Given data-web-1 went from Bound to Lost at t=35
        var claims = Hand.OrderedLifecycle().Claims;
        var lost = claims[1] with { Phases = [.. claims[1].Phases, new PhaseChange("Lost", Hand.Observed(35))] };

        // When / Then
        Retention.Check(Recreated(null, claims[0], lost, claims[2]), "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("claim data-web-1 was Lost at 10:00:39.500, expected it to stay Bound after the set deletion");
    }

    [Test]
    public void Retention_OrdinalNotRecreated_FailsEvenThoughAnOldPodHadTheClaim()
    {
        // Given the re-created set brought back web-0 and web-1 only (the old web-2 mounted data-web-2 before)
        var timeline = Recreated();
        timeline = timeline with { Pods = [.. timeline.Pods.Where(p => p.Uid != "new-2")] };

        // When / Then
        Retention.Check(timeline, "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("no web-2 was created after the set deletion was undone at 10:00:39.500");
    }

    [Test]
    public void Retention_RecreatedPodMountsAnotherClaim_Fails()
    {
        // Given the re-created web-1 mounts a fresh claim instead of the retained one
        var timeline = Recreated(p => p.Uid == "new-1" ? p with { ClaimNames = ["data2-web-1"] } : p);

        // When / Then
        Retention.Check(timeline, "data", "web", 3, Hand.At(30), Hand.At(39.5))
            .ShouldFail("re-created web-1 (new-1) mounts [data2-web-1], expected the retained data-web-1");
    }
}
