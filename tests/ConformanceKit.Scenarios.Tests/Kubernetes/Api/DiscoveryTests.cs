using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class DiscoveryTests : LoopbackTest
{
    [Test]
    public async Task Apply_KindTheServerDoesNotServe_FailsNamingIt()
    {
        // Given discovery without a Widget kind
        using var client = CreateClient();

        // When a Widget is applied
        var error = await Should.ThrowAsync<InvalidOperationException>(() => client.ApplyAsync("apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n", null, CancellationToken.None));

        // Then the message names the kind and what the server serves, and nothing was patched
        error.Message.ShouldContain("kind Widget in v1");
        error.Message.ShouldContain("ConfigMap");
        Server.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Test]
    public async Task Discovery_GroupVersionTheServerDoesNotServe_FailsNamingIt()
    {
        // Given discovery without discovery.k8s.io/v1
        using var client = CreateClient();

        // When endpoint slices are listed
        var error = await Should.ThrowAsync<InvalidOperationException>(() => client.ListAsync<V1EndpointSlice>("ns", null, CancellationToken.None));

        // Then the message names the group version
        error.Message.ShouldContain("does not serve discovery.k8s.io/v1");
    }

    [Test]
    public async Task Discovery_IsFetchedOncePerGroupVersion()
    {
        // Given two StatefulSets to read
        Server.Map("GET", "/apis/apps/v1/namespaces/ns/statefulsets/a", Respond.Json(200, """{"metadata":{"name":"a"}}"""));
        using var client = CreateClient();

        // When both are read
        await client.GetAsync<V1StatefulSet>("ns", "a", CancellationToken.None);
        await client.GetAsync<V1StatefulSet>("ns", "a", CancellationToken.None);

        // Then /apis/apps/v1 was asked once and /api/v1 never
        Server.RequestsTo("/apis/apps/v1").Count.ShouldBe(1);
        Server.RequestsTo("/api/v1").Count.ShouldBe(0);
    }

    [Test]
    public async Task Error_CausesNotInTheMessage_AreListed()
    {
        // Given a 422 whose message does not name the invalid field
        var body = """{"kind":"Status","status":"Failure","message":"StatefulSet is invalid","reason":"Invalid","code":422,"details":{"causes":[{"field":"spec.replicas","message":"must be >= 0"}]}}""";
        Server.Map("PATCH", "/apis/apps/v1/namespaces/ns/statefulsets/web", Respond.Json(422, body));
        using var client = CreateClient();

        // When the StatefulSet is patched
        var error = await Should.ThrowAsync<KubeApiException>(() => client.PatchMergeAsync<V1StatefulSet>("ns", "web", "{}", null, CancellationToken.None));

        // Then the cause is appended to the message
        error.Message.ShouldBe("PATCH /apis/apps/v1/namespaces/ns/statefulsets/web: 422 Invalid: StatefulSet is invalid (spec.replicas: must be >= 0)");
    }
}
