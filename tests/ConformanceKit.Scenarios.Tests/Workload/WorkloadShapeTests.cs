using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>What the live scenarios read from the user's set, with the API server's defaults.</summary>
public sealed class WorkloadShapeTests
{
    [Test]
    public void Of_SetWithAClaimTemplate_GivesPodsClaimsSelectorAndDefaults()
    {
        // Given a set of 3 with a data template and no policy, partition or ordinals
        var shape = WorkloadShape.Of(WorkloadSets.WithData());

        // Then
        (shape.Name, shape.ServiceName, shape.Replicas, shape.PodManagementPolicy, shape.Partition, shape.OrdinalStart).ShouldBe(("db", "db", 3, "OrderedReady", 0, 0));
        shape.PodNames.ShouldBe(["db-0", "db-1", "db-2"]);
        shape.ClaimNames.ShouldBe(["data-db-0", "data-db-1", "data-db-2"]);
        shape.PodSelector.ShouldBe("app=db");
    }

    [Test]
    public void Of_SelectorWithExpressions_HasNoLabelSelector_AndPartitionIsRead()
    {
        // Given matchExpressions (not expressible as key=value) and a partition
        var set = WorkloadSets.Set("updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}").Also(s =>
            s.Spec.Selector.MatchExpressions = [new k8s.Models.V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "In", Values = ["db"] }]);

        // When
        var shape = WorkloadShape.Of(set);

        // Then the pods are deleted by name, and the rollout waits above the partition
        shape.PodSelector.ShouldBeNull();
        shape.Partition.ShouldBe(2);
        shape.ClaimNames.ShouldBeEmpty();
    }
}
