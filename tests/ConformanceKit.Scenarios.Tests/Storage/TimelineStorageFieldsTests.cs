using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>What the timeline builder records for storage latencies: in-place restarts, claim owners, the selected node.</summary>
public sealed class TimelineStorageFieldsTests
{
    private static V1Pod V1Pod(int restarts, V1ContainerState state, V1ContainerState? last = null) => new()
    {
        Metadata = new() { Name = "web-1", Uid = "u1", CreationTimestamp = Hand.Time(0) },
        Status = new()
        {
            Phase = "Running",
            ContainerStatuses = [new() { Name = "web", RestartCount = restarts, State = state, LastState = last }],
        },
    };

    private static V1ContainerState Running(double at) => new() { Running = new() { StartedAt = Hand.Time(at) } };

    private static V1ContainerState Terminated(double started, double finished, int exit) =>
        new() { Terminated = new() { StartedAt = Hand.Time(started), FinishedAt = Hand.Time(finished), ExitCode = exit, Reason = exit == 0 ? "Completed" : "Error" } };

    [Test]
    public void Observe_ContainerExitsAndRestarts_RecordsOneRestartWithBothStamps()
    {
        // Given the container running, seen terminated (exit 0 at 10), then waiting, then running again at 12
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod(0, Running(1)), "1", Hand.At(1.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(0, Terminated(1, 10, 0)), "2", Hand.At(10.4)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(1, new() { Waiting = new() { Reason = "ContainerCreating" } }, Terminated(1, 10, 0)), "3", Hand.At(10.6)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(1, Running(12), Terminated(1, 10, 0)), "4", Hand.At(12.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(1, Running(12), Terminated(1, 10, 0)), "5", Hand.At(13)));

        // When
        var restart = builder.Build().Pods.ShouldHaveSingleItem().Restarts.ShouldHaveSingleItem();

        // Then the end was first seen at 10.4 (while restartCount was still 0), the new start at 12.3
        (restart.Container, restart.RestartCount, restart.ExitCode, restart.Reason).ShouldBe(("web", 1, (int?)0, "Completed"));
        (restart.Finished.Server, restart.Finished.Observed).ShouldBe((Hand.At(10), Hand.At(10.4)));
        (restart.Restarted!.Server, restart.Restarted.Observed).ShouldBe((Hand.At(12), Hand.At(12.3)));
    }

    [Test]
    public void RestartSample_EndSeenInItsOwnEvent_IsTimedOnTheObserversClockToTheMillisecond()
    {
        // Given the end of the old run seen at 10.4 (state.terminated) and the new run seen running at 12.3
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod(0, Running(1)), "1", Hand.At(1.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(0, Terminated(1, 10, 137)), "2", Hand.At(10.4)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(1, Running(12), Terminated(1, 10, 137)), "3", Hand.At(12.3)));

        // When
        var timeline = builder.Build();
        var sample = Scenarios.Storage.RestartInPlace.Measure(timeline, "web", "fast-ssd", Hand.At(5)).ShouldHaveSingleItem();

        // Then the observer saw the two ends apart: 1.9 s on its clock, not the servers' whole-second 2 s
        timeline.Pods.ShouldHaveSingleItem().Restarts.ShouldHaveSingleItem().EndSeenApart.ShouldBeTrue();
        (Math.Round(sample.Seconds, 3), sample.Clock).ShouldBe((1.9, Scenarios.Storage.ClockSource.Observed));
    }

    [Test]
    public void RestartSample_EndAndStartInOneEvent_IsTimedOnTheServersStamps()
    {
        // Given the restart first reported together with the new run (no event showed the old run terminated)
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod(0, Running(1)), "1", Hand.At(1.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(1, Running(12), Terminated(1, 10, 137)), "2", Hand.At(12.3)));

        // When
        var sample = Scenarios.Storage.RestartInPlace.Measure(builder.Build(), "web", "fast-ssd", Hand.At(5)).ShouldHaveSingleItem();

        // Then the observer's clock has no gap to time: finishedAt 10 → startedAt 12 on the server's clock
        (sample.Seconds, sample.Clock).ShouldBe((2d, Scenarios.Storage.ClockSource.Server));
    }

    [Test]
    public void Observe_NoRestart_RecordsNone()
    {
        // Given a container that runs and then terminates on pod deletion (restartCount stays 0)
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Added, V1Pod(0, Running(1)), "1", Hand.At(1.3)));
        builder.Observe(new WatchEvent<V1Pod>(WatchEventType.Modified, V1Pod(0, Terminated(1, 10, 0)), "2", Hand.At(10.4)));

        // When / Then
        builder.Build().Pods.ShouldHaveSingleItem().Restarts.ShouldBeEmpty();
    }

    [Test]
    public void Observe_ClaimOwnersAndSelectedNode_AreRecordedInOrderOfFirstSight()
    {
        // Given a claim first without owner, then owned by the set and the selected-node annotation, then by its pod
        V1PersistentVolumeClaim Claim(IDictionary<string, string>? annotations, params string[] owners) => new()
        {
            Metadata = new()
            {
                Name = "data-web-1", Uid = "c1", CreationTimestamp = Hand.Time(0), Annotations = annotations,
                OwnerReferences = [.. owners.Select(o => new V1OwnerReference { Kind = o.Split('/')[0], Name = o.Split('/')[1] })],
            },
            Status = new() { Phase = "Pending" },
        };
        var selected = new Dictionary<string, string> { [ClaimHistory.SelectedNodeAnnotation] = "node-a" };
        var builder = new TimelineBuilder();
        builder.Observe(new WatchEvent<V1PersistentVolumeClaim>(WatchEventType.Added, Claim(null), "1", Hand.At(0.2)));
        builder.Observe(new WatchEvent<V1PersistentVolumeClaim>(WatchEventType.Modified, Claim(selected, "StatefulSet/web"), "2", Hand.At(1.5)));
        builder.Observe(new WatchEvent<V1PersistentVolumeClaim>(WatchEventType.Modified, Claim(selected, "Pod/web-1"), "3", Hand.At(9)));

        // When
        var claim = builder.Build().Claims.ShouldHaveSingleItem();

        // Then
        claim.Owners.ShouldBe(["StatefulSet/web", "Pod/web-1"]);
        claim.NodeSelected.ShouldBe(new Instant(null, Hand.At(1.5), 2));
    }
}
