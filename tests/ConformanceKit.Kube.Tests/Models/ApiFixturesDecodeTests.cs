using System.Text.Json;
using ConformanceKit.Kube.Models;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Kube.Tests.Models;

public sealed class ApiFixturesDecodeTests
{
    private static T Decode<T>(string file) where T : IKubeResource<T> =>
        KubeJson.Parse<T>(File.ReadAllText(Path.Combine(SharedData.ApiFixtures, file)));

    private static void MetadataIsPopulated(ObjectMeta metadata)
    {
        metadata.Name.ShouldNotBeNullOrEmpty();
        metadata.Uid.ShouldNotBeNullOrEmpty();
        metadata.ResourceVersion.ShouldNotBeNullOrEmpty();
        metadata.CreationTimestamp.ShouldNotBeNull();
        metadata.Labels.ShouldNotBeEmpty();
        metadata.OwnerReferences.ShouldNotBeEmpty();
    }

    [Test]
    public void Pod_Decodes_WithTheFieldsChecksRead()
    {
        // Given/When the canonical Pod
        var pod = Decode<Pod>("core.v1.Pod.json");

        // Then identity, placement, readiness and container state are there
        MetadataIsPopulated(pod.Metadata);
        pod.Metadata.DeletionTimestamp.ShouldNotBeNull();
        pod.Spec!.Containers!.ShouldNotBeEmpty();
        new object?[] { pod.Spec.NodeName, pod.Spec.Hostname, pod.Spec.Subdomain }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        pod.Spec.Volumes!.ShouldContain(v => v.PersistentVolumeClaim != null);
        new object?[] { pod.Status!.Phase, pod.Status.PodIP }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        pod.Status.Conditions!.ShouldAllBe(c => c.Type != null && c.Status != null);
        pod.Status.ContainerStatuses!.ShouldAllBe(c => c.Name != null && c.Ready != null && c.RestartCount != null);
    }

    [Test]
    public void StatefulSet_Decodes_WithTheFieldsChecksRead()
    {
        // Given/When the canonical StatefulSet
        var set = Decode<StatefulSet>("apps.v1.StatefulSet.json");

        // Then spec and status counters are there
        MetadataIsPopulated(set.Metadata);
        new object?[] { set.Spec!.Replicas, set.Status!.ReadyReplicas, set.Status.Replicas, set.Status.CurrentReplicas }.ShouldAllBe(v => v != null);
        new object?[] { set.Spec.ServiceName, set.Spec.PodManagementPolicy }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        set.Spec.VolumeClaimTemplates!.ShouldNotBeEmpty();
        set.Spec.PersistentVolumeClaimRetentionPolicy!.WhenDeleted.ShouldNotBeNull();
    }

    [Test]
    public void StorageObjects_Decode_WithTheFieldsChecksRead()
    {
        // Given/When the canonical PVC, PV and StorageClass
        var claim = Decode<PersistentVolumeClaim>("core.v1.PersistentVolumeClaim.json");
        var volume = Decode<PersistentVolume>("core.v1.PersistentVolume.json");
        var storageClass = Decode<StorageClass>("storage.k8s.io.v1.StorageClass.json");

        // Then binding and class fields are there
        MetadataIsPopulated(claim.Metadata);
        new object?[] { claim.Spec!.StorageClassName, claim.Spec.VolumeName, claim.Status!.Phase }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        new object?[] { volume.Spec!.StorageClassName, volume.Spec.PersistentVolumeReclaimPolicy, volume.Status!.Phase }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        volume.Spec.ClaimRef!.Name.ShouldNotBeNullOrEmpty();
        new object?[] { storageClass.Provisioner, storageClass.VolumeBindingMode, storageClass.ReclaimPolicy }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
    }

    [Test]
    public void NetworkAndEventObjects_Decode_WithTheFieldsChecksRead()
    {
        // Given/When the canonical Service, EndpointSlice, Events and Namespace
        var service = Decode<Service>("core.v1.Service.json");
        var slice = Decode<EndpointSlice>("discovery.k8s.io.v1.EndpointSlice.json");
        var coreEvent = Decode<Event>("core.v1.Event.json");
        var newEvent = Decode<EventsV1Event>("events.k8s.io.v1.Event.json");
        var ns = Decode<Namespace>("core.v1.Namespace.json");

        // Then what checks read is there
        new object?[] { service.Spec!.ClusterIP, service.Spec.Type }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        service.Spec.Ports!.ShouldNotBeEmpty();
        slice.Endpoints!.ShouldAllBe(e => e.Addresses != null && e.Conditions != null);
        new object?[] { coreEvent.Reason, coreEvent.Message, coreEvent.InvolvedObject!.Name }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        new object?[] { newEvent.Reason, newEvent.Note, newEvent.Regarding!.Name }.ShouldAllBe(v => !string.IsNullOrEmpty(v as string));
        ns.Status!.Phase.ShouldNotBeNullOrEmpty();
    }

    [Test]
    public void EveryFixture_DecodesAsJson_AndEveryFileIsCovered()
    {
        // Given every fixture file
        var files = Directory.GetFiles(SharedData.ApiFixtures, "*.json").Select(Path.GetFileName).Order().ToList();

        // When each is parsed
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.ApiFixtures, file!)));
            document.RootElement.GetProperty("kind").GetString().ShouldNotBeNullOrEmpty();
        }

        // Then the typed tests above cover all of them but Endpoints (no read model: checks read EndpointSlices)
        files.Count.ShouldBe(11);
    }
}
