using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The claim judgement of the user's set after a wait timed out: per template, with the class its claims get.</summary>
public sealed class WorkloadClaimSupplyTests
{
    private static V1StorageClass Class(string name, string mode, bool isDefault = false, double created = 0) => new()
    {
        Metadata = new()
        {
            Name = name,
            CreationTimestamp = Hand.Time(created),
            Annotations = isDefault ? new Dictionary<string, string> { [StorageClassProfile.DefaultClassAnnotation] = "true" } : null,
        },
        Provisioner = "kubernetes.io/no-provisioner",
        VolumeBindingMode = mode,
    };

    private static V1StatefulSet Set(int replicas, params (string Template, string? Class)[] templates) => new()
    {
        Metadata = new() { Name = "web" },
        Spec = new()
        {
            Replicas = replicas,
            ServiceName = "web",
            VolumeClaimTemplates = [.. templates.Select(t => new V1PersistentVolumeClaim { Metadata = new() { Name = t.Template }, Spec = new() { StorageClassName = t.Class } })],
        },
    };

    private static readonly V1StorageClass[] Classes =
        [Class("standard", "Immediate", isDefault: true), Class("manual", "Immediate"), Class("manual-wffc", "WaitForFirstConsumer")];

    [Test]
    public void Check_WaitForFirstConsumerClassThatProvidesNoVolume_FailsNamingTheClass_WithOrWithoutTheClassesRead()
    {
        // Given the pending-wffc recording judged as the user's set web (1 replica, template data on manual-wffc)
        var timeline = RecordedStorage.Timeline("pending-wffc");
        var set = Set(1, ("data", "manual-wffc"));

        // When
        var read = WorkloadClaimSupply.Check(timeline, set, Classes);
        var unread = WorkloadClaimSupply.Check(timeline, set, null);

        // Then
        read.Single().ShouldFail("claim data-web-0 stayed Pending: PVC data-web-0 is Pending: storageClassName=manual-wffc provides no volume for pod web-0");
        unread.Single().ShouldFail("storageClassName=manual-wffc provides no volume for pod web-0");
    }

    [Test]
    public void Check_ImmediateClassThatProvidesNoVolume_FailsAndBoundClaimsPass()
    {
        // Given pending-immediate (template data on manual) and scale-up-supply (6 claims Bound on the default class)
        var pending = WorkloadClaimSupply.Check(RecordedStorage.Timeline("pending-immediate"), Set(1, ("data", "manual")), Classes);
        var bound = WorkloadClaimSupply.Check(RecordedStorage.Timeline("scale-up-supply"), Set(6, ("data", null)), Classes);

        // When / Then
        pending.Single().ShouldFail("no PersistentVolume matches storageClassName=manual");
        bound.Single().ShouldPass();
    }

    [Test]
    public void Check_OneResultPerTemplate_ATemplateWhoseClaimsWereNotCreatedPasses()
    {
        // Given pending-wffc judged with a second template "logs" whose claims were never created
        var results = WorkloadClaimSupply.Check(RecordedStorage.Timeline("pending-wffc"), Set(1, ("data", "manual-wffc"), ("logs", "manual-wffc")), Classes);

        // When / Then
        results.Count.ShouldBe(2);
        results[0].ShouldFail("claim data-web-0 stayed Pending");
        results[1].ShouldPass();
        results[1].Details.ShouldContain("logs-web-0: not created");
    }

    [Test]
    public void ForClaim_NamedClass_DefaultWhenUnnamed_NoneForAnEmptyNameOrAMissingClass()
    {
        // Given two classes marked default (the newer one wins) and a WaitForFirstConsumer class
        IReadOnlyList<V1StorageClass> classes = [Class("old-default", "Immediate", true, 0), Class("new-default", "WaitForFirstConsumer", true, 10), Class("manual-wffc", "WaitForFirstConsumer")];

        // When / Then
        StorageClassProfile.ForClaim("manual-wffc", classes)!.Name.ShouldBe("manual-wffc");
        StorageClassProfile.ForClaim(null, classes)!.Name.ShouldBe("new-default");
        StorageClassProfile.ForClaim(null, classes.Take(1))!.Name.ShouldBe("old-default");
        StorageClassProfile.ForClaim("", classes).ShouldBeNull();
        StorageClassProfile.ForClaim("absent", classes).ShouldBeNull();
        StorageClassProfile.ForClaim(null, classes.Skip(2)).ShouldBeNull();
    }
}
