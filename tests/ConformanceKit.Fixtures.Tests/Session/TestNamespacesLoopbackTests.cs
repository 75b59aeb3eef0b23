using ConformanceKit.Fixtures.Session;
using ConformanceKit.Kube.Api;
using ConformanceKit.TestSupport.Loopback;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>What the end-of-run (and Ctrl-C) cleanup deletes, against the loopback API server.</summary>
public sealed class TestNamespacesLoopbackTests
{
    [Test]
    public async Task DeleteAllOfSession_DeletesOnlyTheNamespacesAndClassesLabelledWithThisSession()
    {
        // Given a cluster holding this session's namespace and class, another run's, and unlabelled ones
        var session = RunSession.Create();
        await using var server = await LoopbackApiServer.StartAsync();
        server.MapRecordedDiscovery()
            .Map("GET", "/api/v1/namespaces", ListFiltered("NamespaceList",
                Labelled("ck-mine-1", session.Id), Labelled("ck-other-1", "ck-20260101-000000-ffffff"), Labelled("kube-system", null)))
            .Map("GET", "/apis/storage.k8s.io/v1/storageclasses", ListFiltered("StorageClassList",
                Labelled("ck-manual-mine", session.Id), Labelled("local-path", null)))
            .Map("DELETE", "/api/v1/namespaces/ck-mine-1", Respond.Json(200, """{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"ck-mine-1"}}"""))
            .Map("DELETE", "/apis/storage.k8s.io/v1/storageclasses/ck-manual-mine", Respond.Json(200, """{"kind":"StorageClass","apiVersion":"storage.k8s.io/v1","metadata":{"name":"ck-manual-mine"}}"""));
        using var client = KubeClient.Create(server.CreateConnection());

        // When the session's leftovers are deleted
        await new TestNamespaces(client, session).DeleteAllOfSessionAsync(CancellationToken.None);

        // Then exactly this session's two objects were deleted, found by the session label
        server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path).ShouldBe(
            ["/api/v1/namespaces/ck-mine-1", "/apis/storage.k8s.io/v1/storageclasses/ck-manual-mine"], ignoreOrder: true);
        server.Requests.Where(r => r.Method == "GET" && !r.Path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal) && r.Query("labelSelector") is not null)
            .ShouldAllBe(r => r.Query("labelSelector") == $"{SessionLabels.Session}={session.Id}");
    }

    private static (string Name, string? SessionId) Labelled(string name, string? sessionId) => (name, sessionId);

    /// <summary>A list answer that applies the request's "key=value" label selector, as the API server does.</summary>
    private static LoopbackHandler ListFiltered(string kind, params (string Name, string? SessionId)[] items) => context =>
    {
        var selector = context.Request.Query["labelSelector"].ToString();
        var wanted = selector.Split('=', 2) is [var key, var value] && key == SessionLabels.Session ? value : null;
        var kept = items.Where(i => wanted is null || i.SessionId == wanted).Select(i => i.SessionId is null
            ? $$$"""{"metadata":{"name":"{{{i.Name}}}"}}"""
            : $$$$"""{"metadata":{"name":"{{{{i.Name}}}}","labels":{"{{{{SessionLabels.Session}}}}":"{{{{i.SessionId}}}}"}}}""");
        return Respond.List(kind, "42", null, [.. kept])(context);
    };
}
