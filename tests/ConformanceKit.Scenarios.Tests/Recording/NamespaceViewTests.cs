using ConformanceKit.Scenarios.Recording;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

public sealed class NamespaceViewTests
{
    private static readonly IReadOnlyList<V1Pod> Web0 =
        [.. RecordedStreams.Typed<V1Pod>([.. new RecordedStreams("ordered-lifecycle").Lines("pods").Take(6)]).Select(e => e.Object!)];

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
        var terminating = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(Web0[4]));
        terminating.Metadata.DeletionTimestamp = DateTime.UnixEpoch;

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

    private static NamespaceView View(params V1PersistentVolumeClaim[] claims) => new(
        new Dictionary<string, V1Pod>(), claims.ToDictionary(c => c.Metadata.Name!), [], () => new Timeline.TimelineBuilder().Build());

    private static V1PersistentVolumeClaim Claim(string name, string phase, string? volume) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Uid = name },
        Spec = new V1PersistentVolumeClaimSpec { VolumeName = volume },
        Status = new V1PersistentVolumeClaimStatus { Phase = phase },
    };
}
