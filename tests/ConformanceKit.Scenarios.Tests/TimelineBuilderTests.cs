using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

public sealed class TimelineBuilderTests
{
    private static V1Pod V1Pod(string uid, string? phase = null, bool? ready = null, double? readyAt = null, double? deletion = null, long? grace = null) => new()
    {
        Metadata = new()
        {
            Name = "web-0", Uid = uid, CreationTimestamp = Hand.Time(0),
            DeletionTimestamp = deletion is null ? null : Hand.Time(deletion.Value), DeletionGracePeriodSeconds = grace,
        },
        Spec = new() { NodeName = "vm", Hostname = "web-0", Subdomain = "web", Volumes = [new() { Name = "data", PersistentVolumeClaim = new() { ClaimName = "data-web-0" } }] },
        Status = new()
        {
            Phase = phase, PodIP = phase == "Running" ? "10.0.0.5" : null,
            Conditions = ready is null ? [] : [new() { Type = "Ready", Status = ready.Value ? "True" : "False", LastTransitionTime = Hand.Time(readyAt ?? 0) }],
        },
    };

    [Test]
    public void Observe_PodLifecycle_RecordsServerAndObservedTimes()
    {
        // Given a pod that becomes Ready, is deleted with a 30 s grace period (stamp rewritten) and goes
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod("u1", "Pending"), "1", Hand.At(0.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod("u1", "Running", false, 1), "2", Hand.At(1.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod("u1", "Running", true, 2), "3", Hand.At(2.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Bookmark, null, "4", Hand.At(2.5)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod("u1", "Running", true, 2, deletion: 40, grace: 30), "5", Hand.At(10.2)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod("u1", "Running", false, 11, deletion: 11, grace: 0), "6", Hand.At(11.2)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Deleted, V1Pod("u1", "Running", false, 11, deletion: 11, grace: 0), "7", Hand.At(11.4)));

        // When
        var pod = builder.Build().Pods.ShouldHaveSingleItem();

        // Then
        pod.Created.ShouldBe(new Instant(Hand.At(0), Hand.At(0.3), 1));
        pod.Ready!.Server.ShouldBe(Hand.At(2));
        pod.Ready.Observed.ShouldBe(Hand.At(2.3));
        pod.ReadyTransitions.Select(t => t.Ready).ShouldBe([false, true, false]);
        pod.TerminationRequested!.Server.ShouldBe(Hand.At(10));
        pod.DeletionStamps.Select(s => (s.Timestamp, s.GracePeriodSeconds)).ShouldBe([(Hand.At(40), 30L), (Hand.At(11), 0L)]);
        pod.Gone.ShouldBe(new Instant(null, Hand.At(11.4), 6));
        pod.Gone!.Best.ShouldBe(Hand.At(11.4));
        pod.Gone.Source.ShouldBe("observed");
        (pod.Ordinal, pod.Node, pod.CurrentIp, pod.ClaimNames.Single()).ShouldBe((0, "vm", "10.0.0.5", "data-web-0"));
        pod.Phases.Select(p => p.Phase).ShouldBe(["Pending", "Running"]);
    }

    [Test]
    public void Observe_SameNameNewUid_KeepsTwoHistories()
    {
        // Given two incarnations of web-0
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod("u1"), "1", Hand.At(0.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod("u2") with { Metadata = V1Pod("u2").Metadata with { CreationTimestamp = Hand.Time(5) } }, "2", Hand.At(5.3)));

        // When / Then
        builder.Build().Pods.Select(p => p.Uid).ShouldBe(["u1", "u2"]);
    }

    [Test]
    public void Observe_EventCountGoesUp_UpdatesEntryInPlace()
    {
        // Given one event seen twice (count 1, then 2) and a step marked by the builder's clock
        var clock = new FixedClock(Hand.At(7));
        var builder = new TimelineBuilder(clock);
        Corev1Event ev(int count) => new() { Metadata = new() { Uid = "e1" }, InvolvedObject = new() { Kind = "PersistentVolumeClaim", Name = "data-web-0" }, Type = "Warning", Reason = "ProvisioningFailed", Count = count, LastTimestamp = Hand.Time(count) };
        builder.Observe(new WatchEvent<Corev1Event>(WatchEventType.Added, ev(1), "1", Hand.At(1.1)));
        builder.Observe(new WatchEvent<Corev1Event>(WatchEventType.Modified, ev(2), "2", Hand.At(2.1)));
        builder.MarkStep("applied");

        // When
        var timeline = builder.Build();

        // Then
        var entry = timeline.Events.ShouldHaveSingleItem();
        (entry.Count, entry.At.Server, entry.Reason).ShouldBe((2, Hand.At(2), "ProvisioningFailed"));
        timeline.Steps.ShouldBe([new TimelineStep("applied", Hand.At(7))]);
    }

    [Test]
    public void ParseOrdinal_RejectsNonOrdinalNames()
    {
        // Given / When / Then
        PodHistory.ParseOrdinal("web-12", "web").ShouldBe(12);
        PodHistory.ParseOrdinal("web-7d9f8c6b5d-x2k4q", "web").ShouldBeNull();
        PodHistory.ParseOrdinal("web-01").ShouldBeNull();
        PodHistory.ParseOrdinal("other-1", "web").ShouldBeNull();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
