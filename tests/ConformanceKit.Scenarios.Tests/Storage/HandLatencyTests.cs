using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>Latencies on hand-built timelines whose answers are known (observed = server + 0.2 s, see <see cref="Hand"/>).</summary>
public sealed class HandLatencyTests
{
    private static readonly StorageClassProfile Immediate = new("fast-ssd", "ebs.csi.aws.com", "Immediate", "Delete", true, false);
    private static readonly StorageClassProfile Wffc = Immediate with { Name = "local-wffc", BindingMode = "WaitForFirstConsumer" };

    private static ClaimHistory Claim(string name, double created, double? bound, string storageClass) =>
        Hand.Claim(name, "uid-" + name, created, "pv-" + name, bound) with
        {
            StorageClass = storageClass,
            Phases = bound is null ? [new PhaseChange("Pending", Hand.Observed(created))] : Hand.Claim(name, "u", created, "pv", bound).Phases,
        };

    [Test]
    public void Bind_ImmediateClass_MeasuresClaimCreatedToBoundOnTheObserverClock()
    {
        // Given two claims of fast-ssd bound 1.5 s and 4 s after creation, and one of another class
        var timeline = new Timeline.Timeline
        {
            Claims = [Claim("data-web-0", 0, 1.5, "fast-ssd"), Claim("data-web-1", 2, 6, "fast-ssd"), Claim("data-other-0", 0, 9, "slow-hdd")],
        };

        // When
        var samples = BindLatency.Measure(timeline, Immediate);

        // Then
        samples.Select(s => (s.Subject, s.Seconds, s.Clock, s.StorageClass)).ShouldBe(
            [("data-web-0", 1.5, ClockSource.Observed, "fast-ssd"), ("data-web-1", 4d, ClockSource.Observed, "fast-ssd")]);
        samples.ShouldAllBe(s => s.Span == "PVC created → Bound");
    }

    [Test]
    public void Bind_WaitForFirstConsumer_StartsAtTheSchedulersNodeChoiceAndSaysSo()
    {
        // Given a claim created at 0 whose node was selected at 3 and that bound at 4.5
        var claim = Claim("data-web-0", 0, 4.5, "local-wffc") with { NodeSelected = Hand.Observed(3) };

        // When
        var sample = BindLatency.Measure(new Timeline.Timeline { Claims = [claim] }, Wffc).ShouldHaveSingleItem();

        // Then 1.5 s, not the 4.5 s an Immediate class would be charged
        sample.Seconds.ShouldBe(1.5, 1e-9);
        sample.Span.ShouldContain("WaitForFirstConsumer");
        sample.Span.ShouldStartWith("scheduler chose the node");
    }

    [Test]
    public void Bind_WaitForFirstConsumerWithoutSelectedNode_StartsAtTheConsumerPodsCreation()
    {
        // Given a statically bound claim (no selected-node) whose consumer pod was created at 1; Bound at 4.5
        var timeline = new Timeline.Timeline
        {
            Pods = [Hand.Pod("web-0", "p0", 1, ready: 6, claim: "data-web-0")],
            Claims = [Claim("data-web-0", 0, 4.5, "local-wffc")],
        };

        // When
        var sample = BindLatency.Measure(timeline, Wffc).ShouldHaveSingleItem();

        // Then
        sample.Seconds.ShouldBe(3.5, 1e-9);
        sample.Span.ShouldStartWith("consumer pod created → Bound; WaitForFirstConsumer");
    }

    [Test]
    public void Bind_ClassThatNeverBinds_HasNoSamples()
    {
        // Given three claims that stay Pending
        var timeline = new Timeline.Timeline { Claims = [Claim("data-web-0", 0, null, "fast-ssd"), Claim("data-web-1", 1, null, "fast-ssd")] };

        // When
        var samples = BindLatency.Measure(timeline, Immediate);

        // Then there is nothing to average: the summary says n=0
        samples.ShouldBeEmpty();
        LatencySummary.From(StorageMetric.Bind, "fast-ssd", samples).N.ShouldBe(0);
    }

    [Test]
    public void AttachMount_PodWithClaim_IsScheduledToRunningOnServerTime()
    {
        // Given a pod created at 10 (scheduled 10.5, running 13.5) with a claim, and one without a claim
        var timeline = new Timeline.Timeline
        {
            Pods = [Hand.Pod("web-0", "p0", 10, ready: 14, claim: "data-web-0"), Hand.Pod("web-1", "p1", 10, ready: 20)],
        };

        // When
        var sample = AttachLatency.Measure(timeline, "web", "fast-ssd").ShouldHaveSingleItem();

        // Then
        (sample.Subject, sample.Seconds, sample.Clock).ShouldBe(("web-0 (p0)", 3d, ClockSource.Server));
    }

    [Test]
    public void Reattach_GracefulAndForcedDeletions_AreToldApartByTheFirstGracePeriod()
    {
        // Given web-0 deleted with grace 30 (gone at 5) and web-1 force-deleted (gone at 5); replacements running at 8 and 6.5
        var stamp = (long grace) => new DeletionStamp(Hand.At(4 + grace), grace, Hand.At(4.2));
        var timeline = new Timeline.Timeline
        {
            Pods =
            [
                Hand.Pod("web-0", "a0", 0, ready: 1, deleted: 4, gone: 5, claim: "data-web-0") with { DeletionStamps = [stamp(30), stamp(0)] },
                Hand.Pod("web-1", "a1", 0, ready: 1, deleted: 4, gone: 5, claim: "data-web-1") with { DeletionStamps = [stamp(0)] },
                Hand.Pod("web-0", "b0", 5.5, ready: 8.5, claim: "data-web-0"),
                Hand.Pod("web-1", "b1", 5.5, ready: 7, claim: "data-web-1"),
            ],
        };

        // When
        var samples = ReattachLatency.Measure(timeline, "web", "fast-ssd", Hand.At(3.9));

        // Then old gone (observed 5.2) → new running (observed 8.2 and 6.7)
        samples.Select(s => (s.Metric, Math.Round(s.Seconds, 3), s.Clock)).ShouldBe(
            [(StorageMetric.ReattachGraceful, 3d, ClockSource.Observed), (StorageMetric.ReattachForced, 1.5, ClockSource.Observed)]);
    }

    [Test]
    public void RestartInPlace_ContainerRestart_IsFinishedToRestartedOnServerTime()
    {
        // Given web-1 whose container finished at 20 and started again at 21.4 (before the window: a restart at 5)
        var restarts = new[]
        {
            new ContainerRestart("web", 1, Hand.Server(5), Hand.Server(6), 1, "Error"),
            new ContainerRestart("web", 2, Hand.Server(20), Hand.Server(21.4), 0, "Completed"),
            new ContainerRestart("web", 3, Hand.Server(30), null, 0, "Completed"),
        };
        var timeline = new Timeline.Timeline { Pods = [Hand.Pod("web-1", "p1", 0, ready: 2, claim: "data-web-1") with { Restarts = restarts }] };

        // When
        var sample = RestartInPlace.Measure(timeline, "web", "fast-ssd", Hand.At(19)).ShouldHaveSingleItem();

        // Then (the restart still in back-off has no sample)
        (sample.Metric, Math.Round(sample.Seconds, 3), sample.Clock).ShouldBe((StorageMetric.RestartInPlace, 1.4, ClockSource.Server));
        sample.Subject.ShouldBe("web-1 (p1) web#2");
    }
}
