using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>
/// The rolling update on the user's set, triggered as <c>kubectl rollout restart</c> does it (a pod-template
/// annotation, nothing the application reads): pods are replaced from the highest ordinal down, each after the one
/// above is Ready at the new revision; with a partition, only the ordinals at or above it. OnDelete is skipped.
/// </summary>
[Category(Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class WorkloadRollingUpdateScenario : WorkloadScenarioTest
{
    [SetUp]
    public Task WatchWorkloadsAsync() => Recorder.WatchWorkloadsAsync(Client, Cancellation);

    [Test]
    public async Task RollingUpdate_ARolloutRestartReplacesPodsFromTheHighestOrdinalDown()
    {
        // Given the user's set, Ready
        Promise(WorkloadPromises.RollingUpdate);
        await DeployAsync();

        // When its pod template gets the restartedAt annotation and the rollout completes
        var stored = await Client.GetAsync<V1StatefulSet>(Namespace, Shape.Name, Cancellation)
            ?? throw new InvalidOperationException($"StatefulSet {Namespace}/{Shape.Name} is gone before its rollout restart");
        var (changedAt, generation) = await Updates.RestartAsync(stored, Cancellation);
        if (Shape.Partition == 0)
        {
            await Updates.WaitRolledOutAsync(Shape.Name, Shape.Replicas, generation, Cancellation);

            // Then pods were replaced N-1 .. 0, each after the one above was Ready at the new revision
            Verify(RollingUpdateOrder.Check(Recorder.BuildTimeline(), Shape.Name, Shape.Replicas, changedAt));
        }
        else
        {
            await Updates.WaitPartitionRolledOutAsync(Shape.Name, Shape.Replicas, Shape.Partition, generation, Cancellation);

            // Then only the ordinals at or above the partition were replaced, highest first
            Verify(PartitionedUpdate.Check(Recorder.BuildTimeline(), Shape.Name, Shape.Replicas, Shape.Partition, changedAt, null));
        }
    }
}
