using ConformanceKit.Scenarios.Storage;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>Every latency metric computed on the real v1.26 recordings, against answers read off the raw watch lines.</summary>
public sealed class RecordedLatencyTests
{
    private static readonly StorageClassProfile Standard = new("standard", "kubernetes.io/host-path", "Immediate", "Delete", false, true);

    [Test]
    public void Bind_ScaleUpSupplyRecording_OneObservedSamplePerClaim()
    {
        // Given the 6 claims of the scale-up recording (phases carry no server time)
        var timeline = RecordedStorage.Timeline("scale-up-supply");

        // When
        var samples = BindLatency.Measure(timeline, Standard);

        // Then one sample per claim, on the observer's clock, PVC created → Bound
        samples.Select(s => s.Subject).ShouldBe(["data-web-0", "data-web-1", "data-web-2", "data-web-3", "data-web-4", "data-web-5"]);
        samples.ShouldAllBe(s => s.Clock == ClockSource.Observed && s.Span == "PVC created → Bound" && s.Seconds >= 0 && s.Seconds < 1);
    }

    [Test]
    public void AttachMount_ForceDeleteRecording_ServerSecondsFromScheduledToStarted()
    {
        // Given web-0/1/2 scheduled 06:43:56/58, 06:44:01 and started 56/58, 06:44:02; the replacement web-1 03 → 05
        var timeline = RecordedStorage.Timeline("force-delete-reattach");

        // When
        var summary = LatencySummary.From(StorageMetric.AttachMount, "standard", AttachLatency.Measure(timeline, "web", "standard"));

        // Then
        (summary.N, summary.P50, summary.P95, summary.Max).ShouldBe((4, 0d, 2d, 2d));
        summary.Clocks.ShouldBe([ClockSource.Server]);
    }

    [Test]
    public void ForcedReattach_ForceDeleteRecording_IsOneForcedSampleOfAboutTwoSeconds()
    {
        // Given web-1 force-deleted (grace 0) at 06:44:03 and its replacement's container started at 06:44:05
        var timeline = RecordedStorage.Timeline("force-delete-reattach");

        // When
        var samples = ReattachLatency.Measure(timeline, "web", "standard", timeline.StepTime("force-deleted pod web-1"));

        // Then
        var sample = samples.ShouldHaveSingleItem();
        sample.Metric.ShouldBe(StorageMetric.ReattachForced);
        sample.Clock.ShouldBe(ClockSource.Observed);
        sample.Seconds.ShouldBe(2, 0.01);
        sample.Subject.ShouldBe("web-1 (8f313300) -> web-1 (39886350)");
    }

    [Test]
    public void GracefulReattach_OrderedLifecycleDeleteByLabel_IsGracefulAndIncludesTheOrderedWait()
    {
        // Given all three pods deleted by label (grace 1): each replacement waits for the one below to be Ready
        var timeline = RecordedStorage.Timeline("ordered-lifecycle");

        // When
        var samples = ReattachLatency.Measure(timeline, "web", "standard", timeline.StepTime("deleted pods"), timeline.StepTime("scaled to 0"));

        // Then
        samples.Select(s => s.Metric).Distinct().ShouldBe([StorageMetric.ReattachGraceful]);
        samples.Select(s => Math.Round(s.Seconds)).ShouldBe([2d, 5d, 8d]);
    }

    [Test]
    public void ScaleUpSupply_ScaleUpRecording_ServerSecondsFromClaimCreatedToPodReady()
    {
        // Given data-web-3/4/5 created 06:44:52/55/58 and web-3/4/5 Ready 06:44:54/58, 06:45:01
        var timeline = RecordedStorage.Timeline("scale-up-supply");

        // When
        var samples = ScaleUpSupply.Measure(timeline, "data", "web", "standard", 3, 6, timeline.StepTime("scaled to 6"));

        // Then
        samples.Select(s => (s.Subject, s.Seconds, s.Clock)).ShouldBe(
            [("data-web-3", 2d, ClockSource.Server), ("data-web-4", 3d, ClockSource.Server), ("data-web-5", 3d, ClockSource.Server)]);
        var summary = LatencySummary.From(StorageMetric.ScaleUpSupply, "standard", samples);
        (summary.N, summary.P50, summary.P95, summary.Max).ShouldBe((3, 3d, 3d, 3d));
    }

    [Test]
    public void RestartInPlace_RecordingsWithoutCrashes_HaveNoSamples()
    {
        // Given the four storage recordings, in none of which a container restarted (restartCount stays 0)
        var folders = new[] { "force-delete-reattach", "scale-up-supply", "retention-policy-delete", "ordered-lifecycle" };

        // When / Then
        foreach (var folder in folders)
        {
            var timeline = RecordedStorage.Timeline(folder);
            RestartInPlace.Measure(timeline, "web", "standard", DateTimeOffset.MinValue).ShouldBeEmpty(folder);
            timeline.Pods.ShouldAllBe(p => p.Restarts.Count == 0);
        }
    }
}
