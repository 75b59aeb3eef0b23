using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>
/// A test namespace is handed out only once its "default" ServiceAccount exists: until then the API server refuses
/// pods in it ("error looking up service account NS/default").
/// </summary>
public sealed class TestNamespacesServiceAccountTests
{
    [Test]
    public async Task Create_ReturnsOnlyAfterTheDefaultServiceAccountAppears()
    {
        // Given a server whose controller manager creates the namespace's default ServiceAccount a while later
        await using var server = await LoopbackApiServer.StartAsync();
        var release = new TaskCompletionSource();
        var watching = new TaskCompletionSource();
        MapNamespaceCreation(server, name => ServiceAccountAppearsAfter(server, name, release.Task, watching));
        using var client = KubeClient.Create(server.CreateConnection());
        var namespaces = new TestNamespaces(client, RunSession.Create());

        // When a test asks for its namespace
        var creating = namespaces.CreateAsync("Pods_Start", CancellationToken.None);

        // Then it is still waiting while the ServiceAccount is absent, and returns once it appears
        await watching.Task.WaitAsync(TimeSpan.FromSeconds(20));
        creating.IsCompleted.ShouldBeFalse("the namespace was handed out before its default ServiceAccount existed");
        release.SetResult();
        var name = await creating.WaitAsync(TimeSpan.FromSeconds(20));
        name.ShouldStartWith("ck-pods-start-");
    }

    [Test]
    public async Task Create_ServiceAccountNeverAppears_FailsNamingTheNamespaceAndTimeout()
    {
        // Given a server where the default ServiceAccount never appears (negative control)
        await using var server = await LoopbackApiServer.StartAsync();
        MapNamespaceCreation(server, name => server
            .MapList($"/api/v1/namespaces/{name}/serviceaccounts", Respond.List("ServiceAccountList", "41", null))
            .MapWatch($"/api/v1/namespaces/{name}/serviceaccounts", Respond.Watch(new WatchScript().HoldOpen())));
        using var client = KubeClient.Create(server.CreateConnection());
        var namespaces = new TestNamespaces(client, RunSession.Create()) { ServiceAccountTimeout = TimeSpan.FromSeconds(1) };

        // When a test asks for its namespace
        var error = await Should.ThrowAsync<TimeoutException>(() => namespaces.CreateAsync("Pods_Start", CancellationToken.None));

        // Then the failure names the ServiceAccount, its namespace and the timeout
        error.Message.ShouldContain("ServiceAccount 'ck-pods-start-");
        error.Message.ShouldContain("/default'");
        error.Message.ShouldContain("'00:00:01'");
    }

    /// <summary>Answers namespace creation with the namespace it was sent, after mapping its ServiceAccount routes.</summary>
    internal static void MapNamespaceCreation(LoopbackApiServer server, Action<string> mapServiceAccount)
    {
        server.MapRecordedDiscovery();
        server.Map("POST", "/api/v1/namespaces", async context =>
        {
            var sent = await JsonNode.ParseAsync(context.Request.Body);
            var name = sent!["metadata"]!["name"]!.GetValue<string>();
            mapServiceAccount(name);
            await Respond.Json(201, new JsonObject { ["kind"] = "Namespace", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["name"] = name } }.ToJsonString())(context);
        });
    }

    /// <summary>The default ServiceAccount is absent at list time and added on the watch once released.</summary>
    internal static void ServiceAccountAppearsAfter(LoopbackApiServer server, string @namespace, Task released, TaskCompletionSource? watching = null)
    {
        var account = $$$"""{"kind":"V1ServiceAccount","apiVersion":"v1","metadata":{"name":"default","namespace":"{{{@namespace}}}","uid":"sa-1","resourceVersion":"42"}}""";
        var script = new WatchScript().WaitFor(released).Event("ADDED", account).HoldOpen();
        server.MapList($"/api/v1/namespaces/{@namespace}/serviceaccounts", Respond.List("ServiceAccountList", "41", null));
        server.MapWatch($"/api/v1/namespaces/{@namespace}/serviceaccounts", async context =>
        {
            watching?.TrySetResult();
            await Respond.Watch(script)(context);
        });
    }
}
