using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>Re-attach, restart-in-place, scale-up and claim-supply checks on hand-built timelines: what passes, and each violation.</summary>
public sealed class StorageCheckControlTests
{
    private static readonly DeletionStamp Forced = new(Hand.At(4), 0, Hand.At(4.2));

    /// <summary>web-1 force-deleted at 4, gone at 4.5, replaced at 5 and running at 6.5, both on data-web-1.</summary>
    private static Timeline.Timeline Replaced(Func<PodHistory, PodHistory>? fresh = null, params ClaimHistory[] claims) => new()
    {
        Pods =
        [
            Hand.Pod("web-1", "old-1", 0, ready: 1, deleted: 4, gone: 4.5, claim: "data-web-1") with { DeletionStamps = [Forced] },
            (fresh ?? (p => p))(Hand.Pod("web-1", "new-1", 5, ready: 7, claim: "data-web-1")),
        ],
        Claims = claims.Length == 0 ? [Hand.Claim("data-web-1", "c1", 0, "pv-1")] : claims,
    };

    [Test]
    public void Reattach_SameClaimAndVolume_Passes()
    {
        // Given / When / Then
        ReattachCheck.Check(Replaced(), "data", "web", 1, Hand.At(3.9), forced: true).ShouldPass();
    }

    [Test]
    public void Reattach_ClaimChangedVolume_Fails()
    {
        // Given data-web-1 names pv-1 and then pv-9
        var timeline = Replaced(null, Hand.Claim("data-web-1", "c1", 0, "pv-1") with { VolumeNames = ["pv-1", "pv-9"] });

        // When / Then
        ReattachCheck.Check(timeline, "data", "web", 1, Hand.At(3.9), forced: true).ShouldFail("claim data-web-1 changed volume: pv-1 -> pv-9");
    }

    [Test]
    public void Reattach_ClaimRecreatedOrReplacementOnAnotherClaim_Fails()
    {
        // Given data-web-1 re-created under the same name; in a second timeline the replacement mounts data2-web-1
        var recreated = Replaced(null, Hand.Claim("data-web-1", "c1", 0, "pv-1"), Hand.Claim("data-web-1", "c1-again", 4.6, "pv-2"));
        var elsewhere = Replaced(p => p with { ClaimNames = ["data2-web-1"] });

        // When / Then
        ReattachCheck.Check(recreated, "data", "web", 1, Hand.At(3.9), forced: true).ShouldFail("claim data-web-1 was re-created (UIDs c1, c1-again)");
        ReattachCheck.Check(elsewhere, "data", "web", 1, Hand.At(3.9), forced: true)
            .ShouldFail("its replacement web-1 (new-1) mounts [data2-web-1], expected data-web-1 in both");
    }

    [Test]
    public void Reattach_ReplacementNeverStartedOrNeverCreated_Fails()
    {
        // Given a replacement whose container never started; in a second timeline no replacement at all
        var stuck = Replaced(p => p with { Running = null, Ready = null });
        var none = Replaced() with { Pods = [Replaced().Pods[0]] };

        // When / Then
        ReattachCheck.Check(stuck, "data", "web", 1, Hand.At(3.9), forced: true).ShouldFail("the replacement web-1 (new-1) never started its container");
        ReattachCheck.Check(none, "data", "web", 1, Hand.At(3.9), forced: true).ShouldFail("web-1 (old-1) was not replaced after it was gone at");
    }

    private static Timeline.Timeline Crashed(params ContainerRestart[] restarts) => new()
    {
        Pods = [Hand.Pod("web-2", "p2", 0, ready: 1, claim: "data-web-2") with { Restarts = restarts }],
        Claims = [Hand.Claim("data-web-2", "c2", 0, "pv-2")],
    };

    [Test]
    public void RestartInPlace_ContainerStartedAgainInTheSamePod_Passes()
    {
        // Given the container finished at 10 and started again at 11
        var timeline = Crashed(new ContainerRestart("web", 1, Hand.Server(10), Hand.Server(11), 0, "Completed"));

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 2, Hand.At(9.5)).ShouldPass();
    }

    [Test]
    public void RestartInPlace_NoRestartOrStillWaiting_Fails()
    {
        // Given no restart after the crash step; in a second timeline a restart still in back-off
        var none = Crashed(new ContainerRestart("web", 1, Hand.Server(2), Hand.Server(3), 1, "Error"));
        var waiting = Crashed(new ContainerRestart("web", 1, Hand.Server(10), null, 137, "Error"));

        // When / Then
        RestartInPlace.Check(none, "data", "web", 2, Hand.At(9.5)).ShouldFail("web-2 (p2) never restarted a container after its liveness probe was tripped at 10:00:09.500");
        RestartInPlace.Check(waiting, "data", "web", 2, Hand.At(9.5)).ShouldFail("container web of web-2 (p2) exited but did not start again");
    }

    [Test]
    public void RestartInPlace_PodReplacedInsteadOfRestarted_Fails()
    {
        // Given a new web-2 created after the crash
        var timeline = Crashed() with { Pods = [.. Crashed().Pods, Hand.Pod("web-2", "p2-new", 12, ready: 14, claim: "data-web-2")] };

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 2, Hand.At(9.5))
            .ShouldFail("web-2 (p2) was replaced by a new pod web-2 (p2-new) (pod UID changed) instead of restarting its container in place");
    }

    [Test]
    public void ScaleUpSupply_PodCreatedBeforeTheOrdinalBelowWasReady_Fails()
    {
        // Given web-0 Ready at 2; after the scale at 5, web-1 Ready at 8 but web-2 created at 7 (pod stream order by sequence)
        var timeline = new Timeline.Timeline
        {
            Pods = [Hand.Pod("web-0", "p0", 0, ready: 2, claim: "data-web-0"), Hand.Pod("web-1", "p1", 6, ready: 8, claim: "data-web-1"), Hand.Pod("web-2", "p2", 7, ready: 10, claim: "data-web-2")],
            Claims = [Hand.Claim("data-web-0", "c0", 0, "pv-0"), Hand.Claim("data-web-1", "c1", 6, "pv-1"), Hand.Claim("data-web-2", "c2", 7, "pv-2")],
        };

        // When / Then
        ScaleUpSupply.Check(timeline, "data", "web", 1, 3, Hand.At(5)).ShouldFail("web-2 (p2) was created at", "before web-1 (p1) became Ready at");
        ScaleUpSupply.Check(timeline, "data", "web", 1, 2, Hand.At(5)).ShouldPass();
    }

    private static readonly StorageClassProfile Wffc = new("manual-wffc", "kubernetes.io/no-provisioner", "WaitForFirstConsumer", "Delete", false, false);

    /// <summary>data-web-0 Pending on manual-wffc with the claim's two Normal wait events, web-0 never scheduled, and <paramref name="podEvents"/>.</summary>
    private static Timeline.Timeline WaitingForConsumer(params TimelineEvent[] podEvents) => new()
    {
        Pods = [Hand.Pod("web-0", "p0", 1, claim: "data-web-0") with { Scheduled = null }],
        Claims = [new ClaimHistory { Name = "data-web-0", Uid = "c0", Created = Hand.Server(0), StorageClass = "manual-wffc", Phases = [new PhaseChange("Pending", Hand.Observed(0))] }],
        Events =
        [
            new(Hand.Server(0.1), "PersistentVolumeClaim", "data-web-0", "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", 1),
            new(Hand.Server(1.1), "PersistentVolumeClaim", "data-web-0", "Normal", "WaitForPodScheduled", "waiting for pod web-0 to be scheduled", 1),
            .. podEvents,
        ],
    };

    private static TimelineEvent Refused(string message) => new(Hand.Server(1.2), "Pod", "web-0", "Warning", "FailedScheduling", message, 1);

    [Test]
    public void ClaimSupply_WaitForFirstConsumerPodRefusedForWantOfAVolume_Fails()
    {
        // Given web-0 refused with the scheduler's volume-binding message (as recorded on v1.26.0)
        var timeline = WaitingForConsumer(Refused("0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind."));

        // When / Then
        ClaimSupply.Check(timeline, "data", "web", 1, Wffc).ShouldFail("claim data-web-0 stayed Pending: PVC data-web-0 is Pending: storageClassName=manual-wffc provides no volume for pod web-0");
    }

    [Test]
    public void ClaimSupply_WaitForFirstConsumerPodUnschedulableForCpuOrATaint_PassesAndStaysATimeout()
    {
        // Given web-0 refused for cpu; in a second timeline for a taint (hand-written messages, no volume named)
        var cpu = WaitingForConsumer(Refused("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.."));
        var taint = WaitingForConsumer(Refused("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.."));

        // When / Then
        ClaimSupply.Check(cpu, "data", "web", 1, Wffc).ShouldPass();
        ClaimSupply.Check(taint, "data", "web", 1, Wffc).ShouldPass();
    }

    [Test]
    public void ClaimSupply_WaitForFirstConsumerPodNeverConsideredByTheScheduler_PassesAndStaysATimeout()
    {
        // Given only the claim's wait events: the scheduler has not tried web-0 yet
        var timeline = WaitingForConsumer();

        // When / Then, with the class read and with the binding mode inferred from the events
        ClaimSupply.Check(timeline, "data", "web", 1, Wffc).ShouldPass();
        ClaimSupply.Check(timeline, "data", "web", 1, null).ShouldPass();
    }
}
