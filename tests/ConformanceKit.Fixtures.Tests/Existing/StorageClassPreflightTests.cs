using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Existing;

/// <summary>The preflight of several storage classes: each must exist, each is described in one line.</summary>
public sealed class StorageClassPreflightTests
{
    private static readonly V1StorageClass[] Classes =
    [
        new() { Metadata = new() { Name = "slow-hdd" }, Provisioner = "example.com/hdd", ReclaimPolicy = "Retain" },
        new()
        {
            Metadata = new() { Name = "fast-ssd", Annotations = new Dictionary<string, string> { ["storageclass.kubernetes.io/is-default-class"] = "true" } },
            Provisioner = "ebs.csi.aws.com", VolumeBindingMode = "WaitForFirstConsumer", ReclaimPolicy = "Delete", AllowVolumeExpansion = true,
        },
    ];

    [Test]
    public void ChooseStorageClasses_AllExist_KeepsTheOrderAsked_NoneAskedIsTheDefault()
    {
        // Given / When / Then
        ClusterPreflight.ChooseStorageClasses(Classes, ["slow-hdd", "fast-ssd"]).ShouldBe(["slow-hdd", "fast-ssd"]);
        ClusterPreflight.ChooseStorageClasses(Classes, []).ShouldBe(["fast-ssd"]);
    }

    [Test]
    public void ChooseStorageClasses_UnknownNames_OneLineListingTheClassesThatExist()
    {
        // Given one unknown and, second case, two unknown names among known ones
        // When / Then
        Should.Throw<ClusterStartException>(() => ClusterPreflight.ChooseStorageClasses(Classes, ["fast-ssd", "gold"]))
            .Message.ShouldBe("StorageClass 'gold' does not exist; the cluster has: slow-hdd, fast-ssd (default). Pass one of them with --storage-class.");
        var message = Should.Throw<ClusterStartException>(() => ClusterPreflight.ChooseStorageClasses(Classes, ["gold", "fast-ssd", "silver"])).Message;
        message.ShouldBe("StorageClasses 'gold', 'silver' do not exist; the cluster has: slow-hdd, fast-ssd (default). Pass those that exist with --storage-class.");
        message.ShouldNotContain("\n");
    }

    [Test]
    public void Describe_NamesProvisionerBindingModeReclaimPolicyAndExpansion_WithTheServersDefaults()
    {
        // Given / When / Then
        ClusterPreflight.Describe(Classes[1]).ShouldBe(
            "StorageClass 'fast-ssd' (default): provisioner ebs.csi.aws.com, volumeBindingMode WaitForFirstConsumer, reclaimPolicy Delete, allowVolumeExpansion true");
        ClusterPreflight.Describe(Classes[0]).ShouldBe(
            "StorageClass 'slow-hdd': provisioner example.com/hdd, volumeBindingMode Immediate, reclaimPolicy Retain, allowVolumeExpansion false");
    }
}
