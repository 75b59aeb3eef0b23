using ConformanceKit.Kube.Models;
using ConformanceKit.Scenarios.Recording;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Recording;

public sealed class NamespaceViewTests
{
    private static readonly IReadOnlyList<Pod> Web0 =
        [.. RecordedStreams.Typed<Pod>([.. new RecordedStreams("ordered-lifecycle").Lines("pods").Take(6)]).Select(e => e.Object!)];

    [Test]
    public void IsHeldUnready_RunningPodWhoseReadyConditionIsFalse_IsHeld()
    {
        // Given the recorded web-0 right after its container started, before its readiness probe passed
        var started = Web0[4];

        // When it is asked whether the probe holds it un-Ready
        var held = NamespaceView.IsHeldUnready(started);

        // Then it is, from its status alone (no Unhealthy event needed)
        held.ShouldBeTrue();
    }

    [Test]
    public void IsHeldUnready_PendingReadyOrTerminatingPod_IsNotHeld()
    {
        // Given web-0 still creating its container, web-0 Ready, and the started web-0 with a deletion requested
        var creating = Web0[3];
        var ready = Web0[5];
        var terminating = Web0[4] with { Metadata = Web0[4].Metadata with { DeletionTimestamp = DateTimeOffset.UnixEpoch } };

        // When each is asked whether it is held
        bool[] answers = [NamespaceView.IsHeldUnready(creating), NamespaceView.IsHeldUnready(ready), NamespaceView.IsHeldUnready(terminating)];

        // Then none is: a held pod is running, un-Ready and not going away
        answers.ShouldBe([false, false, false]);
    }

    [Test]
    public void ClaimsBound_OneClaimPendingOrWithoutVolume_IsFalseUntilEachIsBoundToAVolume()
    {
        // Given one Bound claim with a volume, one Bound claim whose volume name is not set yet, one Pending claim
        var views = new[]
        {
            View(Claim("data-web-0", "Bound", "pv-0"), Claim("data-web-1", "Bound", "pv-1")),
            View(Claim("data-web-0", "Bound", "pv-0"), Claim("data-web-1", "Bound", null)),
            View(Claim("data-web-0", "Bound", "pv-0"), Claim("data-web-1", "Pending", null)),
            View(Claim("data-web-0", "Bound", "pv-0")),
        };

        // When each is asked whether both claims are bound
        var answers = views.Select(v => v.ClaimsBound(["data-web-0", "data-web-1"])).ToList();

        // Then only the first is
        answers.ShouldBe([true, false, false, false]);
    }

    private static NamespaceView View(params PersistentVolumeClaim[] claims) => new(
        new Dictionary<string, Pod>(), claims.ToDictionary(c => c.Metadata.Name!), [], () => new Timeline.TimelineBuilder().Build());

    private static PersistentVolumeClaim Claim(string name, string phase, string? volume) => new()
    {
        Metadata = new ObjectMeta { Name = name, Uid = name },
        Spec = new PersistentVolumeClaimSpec { VolumeName = volume },
        Status = new PersistentVolumeClaimStatus { Phase = phase },
    };
}
