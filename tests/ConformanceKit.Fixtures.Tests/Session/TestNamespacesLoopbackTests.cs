using ConformanceKit.Fixtures.Session;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>What the end-of-run (and Ctrl-C) cleanup deletes, against the loopback API server.</summary>
public sealed class TestNamespacesLoopbackTests
{
    [Test]
    public async Task DeleteAllOfSession_DeletesOnlyThisSessionsUnkeptNamespacesAndClasses()
    {
        // Given this session's namespace, one it kept, another run's, an unlabelled one, and classes likewise
        var session = RunSession.Create();
        var kept = new Dictionary<string, string>(session.Labels) { [SessionLabels.Kept] = "true" };
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects()
            .Namespace("ck-mine-1", session.Labels).Namespace("ck-mine-kept", kept)
            .Namespace("ck-other-1", LabelledObjects.DeadRun()).Namespace("kube-system")
            .StorageClass("ck-manual-mine", session.Labels).StorageClass("local-path")
            .MapOnto(server);
        using var client = KubeClient.Create(server.CreateConnection());

        // When the session's leftovers are deleted
        var removed = await new TestNamespaces(client, session).DeleteAllOfSessionAsync(CancellationToken.None);

        // Then exactly this session's unkept namespace and its class were deleted, and it says so
        Deleted(server).ShouldBe(["/api/v1/namespaces/ck-mine-1", "/apis/storage.k8s.io/v1/storageclasses/ck-manual-mine"], ignoreOrder: true);
        removed.ShouldBe(["ck-mine-1", "storageclass/ck-manual-mine"]);
    }

    [Test]
    public async Task DeleteAllOfSession_UserWhoMayNotListNamespaces_StillDeletesTheOnesItCreated()
    {
        // Given a user who may not list namespaces, and a namespace this session created
        var session = RunSession.Create();
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects().Namespace("ck-other-1", LabelledObjects.DeadRun()).StorageClass("local-path").MapOnto(server, forbidNamespaceList: true);
        TestNamespacesServiceAccountTests.MapNamespaceCreation(server, name => TestNamespacesServiceAccountTests.ServiceAccountAppearsAfter(server, name, Task.CompletedTask));
        using var client = KubeClient.Create(server.CreateConnection());
        var namespaces = new TestNamespaces(client, session);
        var created = await namespaces.CreateAsync("Some_Test", CancellationToken.None);
        server.Map("DELETE", $"/api/v1/namespaces/{created}", Respond.Json(200, """{"kind":"V1Namespace"}"""));

        // When the session's leftovers are deleted
        await namespaces.DeleteAllOfSessionAsync(CancellationToken.None);

        // Then the created namespace was deleted by name, and nothing else
        Deleted(server).ShouldBe([$"/api/v1/namespaces/{created}"]);
    }

    [Test]
    public async Task DeleteAllOfSession_RunsItsHookWithTheNamespacesBeforeDeletingAny()
    {
        // Given this session's namespace and a hook that notes what it was given and whether anything was deleted yet
        var session = RunSession.Create();
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects().Namespace("ck-mine-1", session.Labels).Namespace("ck-other-1", LabelledObjects.DeadRun()).StorageClass("local-path").MapOnto(server);
        using var client = KubeClient.Create(server.CreateConnection());
        var seen = new List<(string[] Names, int DeletesSoFar)>();
        var namespaces = new TestNamespaces(client, session)
        {
            BeforeDeleteAll = (names, _) =>
            {
                seen.Add(([.. names], Deleted(server).Length));
                return Task.CompletedTask;
            },
        };

        // When the session's leftovers are deleted
        await namespaces.DeleteAllOfSessionAsync(CancellationToken.None);

        // Then the hook ran once, with exactly the namespaces then deleted, before the first deletion
        var (names, deletesSoFar) = seen.ShouldHaveSingleItem();
        names.ShouldBe(["ck-mine-1"]);
        deletesSoFar.ShouldBe(0);
        Deleted(server).ShouldBe(["/api/v1/namespaces/ck-mine-1"]);
    }

    [Test]
    public async Task DeleteAllOfSession_GivesItsHookTheRunsDeletedNamespacesToo_ButNotAKeptOne()
    {
        // Given three namespaces this session created: one its test deleted already, one kept, one still open
        var session = RunSession.Create();
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects().StorageClass("local-path").MapOnto(server);
        server.MapList("/api/v1/namespaces", Respond.List("NamespaceList", "60", null));
        TestNamespacesServiceAccountTests.MapNamespaceCreation(server, name => TestNamespacesServiceAccountTests.ServiceAccountAppearsAfter(server, name, Task.CompletedTask));
        using var client = KubeClient.Create(server.CreateConnection());
        var seen = new List<string[]>();
        var namespaces = new TestNamespaces(client, session)
        {
            BeforeDeleteAll = (names, _) =>
            {
                seen.Add([.. names.Order(StringComparer.Ordinal)]);
                return Task.CompletedTask;
            },
        };
        var deleted = await namespaces.CreateAsync("Deleted_Test", CancellationToken.None);
        var kept = await namespaces.CreateAsync("Kept_Test", CancellationToken.None);
        var open = await namespaces.CreateAsync("Open_Test", CancellationToken.None);
        server.Map("PATCH", $"/api/v1/namespaces/{kept}", Respond.Json(200, """{"kind":"Namespace"}"""));
        await namespaces.KeepAsync(kept, CancellationToken.None);
        server.MapList($"/api/v1/namespaces/{deleted}/persistentvolumeclaims", Respond.List("PersistentVolumeClaimList", "50", null));
        server.Map("DELETE", $"/api/v1/namespaces/{deleted}", Respond.Json(200, """{"kind":"Namespace"}"""));
        await namespaces.DeleteAsync(deleted, CancellationToken.None);
        var deletesByTheTest = Deleted(server).Length;
        server.Map("DELETE", $"/api/v1/namespaces/{open}", Respond.Json(200, """{"kind":"Namespace"}"""));

        // When the session's leftovers are deleted at the end of the run
        await namespaces.DeleteAllOfSessionAsync(CancellationToken.None);

        // Then the hook saw the open and the already deleted namespace (their volumes may still be Retained), not the kept
        // one; only the open one was deleted (the control: the deleted one is not deleted twice)
        seen.ShouldHaveSingleItem().ShouldBe(new[] { deleted, open }.Order(StringComparer.Ordinal).ToArray());
        Deleted(server).Skip(deletesByTheTest).ShouldBe([$"/api/v1/namespaces/{open}"]);
    }

    private static string[] Deleted(LoopbackApiServer server) =>
        [.. server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path)];
}
