using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Replay;

public sealed class RecordedDiscoveryTests : LoopbackTest
{
    private async Task<string> ListPathAsync<T>(KubeClient client) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var before = Server.Requests.Count;
        try
        {
            await client.ListAsync<T>("ns", null, CancellationToken.None);
        }
        catch (KubeApiException)
        {
            // The loopback server has no list routes: only the path asked for matters here.
        }

        return Server.Requests.Skip(before).Last().Path;
    }

    [Test]
    public async Task RecordedDiscovery_DrivesPluralsAndScope()
    {
        // Given the discovery documents a v1.26 server sent
        using var client = CreateClient();

        // When each kind is listed in namespace "ns"
        var paths = new[]
        {
            await ListPathAsync<V1Pod>(client),
            await ListPathAsync<V1StatefulSet>(client),
            await ListPathAsync<V1PersistentVolumeClaim>(client),
            await ListPathAsync<V1PersistentVolume>(client),
            await ListPathAsync<V1StorageClass>(client),
            await ListPathAsync<V1Namespace>(client),
            await ListPathAsync<Corev1Event>(client),
        };

        // Then namespaced kinds are addressed in the namespace, cluster-scoped ones are not
        paths.ShouldBe([
            "/api/v1/namespaces/ns/pods",
            "/apis/apps/v1/namespaces/ns/statefulsets",
            "/api/v1/namespaces/ns/persistentvolumeclaims",
            "/api/v1/persistentvolumes",
            "/apis/storage.k8s.io/v1/storageclasses",
            "/api/v1/namespaces",
            "/api/v1/namespaces/ns/events",
        ]);
    }

    [Test]
    public async Task ScriptedDiscovery_WithADifferentPlural_IsFollowed()
    {
        // Given a server whose discovery names the EndpointSlice resource differently (negative control: no hard-coded plurals)
        Server.MapResourceList("discovery.k8s.io/v1", ("EndpointSlice", "slices", true));
        using var client = CreateClient();

        // When endpoint slices are listed
        var path = await ListPathAsync<V1EndpointSlice>(client);

        // Then the discovered plural is used
        path.ShouldBe("/apis/discovery.k8s.io/v1/namespaces/ns/slices");
    }
}
