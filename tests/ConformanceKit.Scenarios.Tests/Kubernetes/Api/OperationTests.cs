using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class OperationTests : LoopbackTest
{
    private const string Manifests = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: None
          ports:
            - port: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          namespace: other
        spec:
          replicas: 3
          serviceName: "web"
          template:
            metadata:
              labels: {app: web, version: "1"}
        ---
        """;

    [Test]
    public async Task Apply_EachDocument_IsAServerSideApplyPatch()
    {
        // Given a server accepting applies of a Service and a StatefulSet
        Server.Map("PATCH", "/api/v1/namespaces/ns/services/web", Respond.Json(200, """{"kind":"Service","metadata":{"name":"web"}}"""));
        Server.Map("PATCH", "/apis/apps/v1/namespaces/other/statefulsets/web", Respond.Json(201, """{"kind":"StatefulSet","metadata":{"name":"web"}}"""));
        using var client = CreateClient();

        // When a two-document YAML is applied with default namespace "ns"
        var stored = await client.ApplyAsync(Manifests, "ns", CancellationToken.None);

        // Then each document went as PATCH apply-patch+yaml with the field manager and force, in its namespace
        stored.Select(s => s.GetProperty("kind").GetString()).ShouldBe(["Service", "StatefulSet"]);
        var patches = Server.Requests.Where(r => r.Method == "PATCH").ToList();
        patches.Select(p => p.Path).ShouldBe(["/api/v1/namespaces/ns/services/web", "/apis/apps/v1/namespaces/other/statefulsets/web"]);
        patches.ShouldAllBe(p => p.Header("Content-Type")!.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) && p.Query("fieldManager") == "conformancekit" && p.Query("force") == "true");
        using var body = JsonDocument.Parse(patches[1].Body);
        body.RootElement.GetProperty("spec").GetProperty("replicas").GetInt32().ShouldBe(3);
        body.RootElement.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels").GetProperty("version").GetString().ShouldBe("1");
    }

    [Test]
    public async Task Get_Missing_ReturnsNull()
    {
        // Given a recorded 404 for the pod and a 200 for another
        Server.Map("GET", PodsPath + "/no-such-pod", HttpRecording.LoadApiResponse("get-missing-pod.404.http").ServeAsync);
        Server.Map("GET", PodsPath + "/web-0", Respond.Json(200, Pod("web-0", "u0", "3")));
        using var client = CreateClient();

        // When both are read
        var missing = await client.GetAsync<V1Pod>(null, "no-such-pod", CancellationToken.None);
        var present = await client.GetAsync<V1Pod>(null, "web-0", CancellationToken.None);

        // Then the missing one is null and the other decodes (the connection's namespace was used)
        missing.ShouldBeNull();
        present!.Metadata.Uid.ShouldBe("u0");
    }

    [Test]
    public async Task List_WithContinueToken_FollowsEveryPage()
    {
        // Given three pages of pods
        Server.MapList(PodsPath,
            Respond.List("PodList", "50", "tok-1", Pod("a", "ua", "1")),
            Respond.List("PodList", "50", "tok-2", Pod("b", "ub", "2")),
            Respond.List("PodList", "50", null, Pod("c", "uc", "3")));
        using var client = CreateClient();

        // When pods are listed with selectors and a page size of 1
        var list = await client.ListAsync<V1Pod>("ns", new ListOptions { LabelSelector = "app=web", FieldSelector = "status.phase=Running", PageSize = 1 }, CancellationToken.None);

        // Then the pages are merged in order and each request carried the selectors, the limit and the previous token
        list.Items.Select(p => p.Metadata.Name).ShouldBe(["a", "b", "c"]);
        list.ResourceVersion.ShouldBe("50");
        var requests = Server.RequestsTo(PodsPath);
        requests.Select(r => r.Query("continue")).ShouldBe([null, "tok-1", "tok-2"]);
        requests.ShouldAllBe(r => r.Query("limit") == "1" && r.Query("labelSelector") == "app=web" && r.Query("fieldSelector") == "status.phase=Running");
    }

    [Test]
    public async Task Delete_WithOptions_SendsDeleteOptionsBody()
    {
        // Given a server that accepts the delete (recorded foreground answer)
        Server.Map("DELETE", "/apis/apps/v1/namespaces/ns/statefulsets/web", HttpRecording.LoadApiResponse("delete-foreground.200.http").ServeAsync);
        using var client = CreateClient();

        // When the StatefulSet is deleted in the foreground immediately
        var deleted = await client.DeleteAsync<V1StatefulSet>("ns", "web", new V1DeleteOptions { PropagationPolicy = "Foreground", GracePeriodSeconds = 0 }, CancellationToken.None);

        // Then the body is V1DeleteOptions with the policy and the grace period
        deleted.ShouldBeTrue();
        using var body = JsonDocument.Parse(Server.Requests.Single(r => r.Method == "DELETE").Body);
        (body.RootElement.GetProperty("kind").GetString(), body.RootElement.GetProperty("propagationPolicy").GetString(), body.RootElement.GetProperty("gracePeriodSeconds").GetInt32())
            .ShouldBe(("DeleteOptions", "Foreground", 0));
    }

    [Test]
    public async Task DeleteCollection_ByLabel_TargetsTheCollection()
    {
        // Given a server accepting collection deletes
        Server.Map("DELETE", PodsPath, Respond.Json(200, """{"kind":"PodList","metadata":{},"items":[]}"""));
        using var client = CreateClient();

        // When pods labelled app=web are deleted
        await client.DeleteCollectionAsync<V1Pod>("ns", "app=web", new V1DeleteOptions { PropagationPolicy = "Background" }, CancellationToken.None);

        // Then one DELETE on the collection carried the selector
        Server.Requests.Single(r => r.Method == "DELETE").Query("labelSelector").ShouldBe("app=web");
    }

    [Test]
    public async Task PatchMerge_Scale_TargetsTheSubresourceUnderTheRunsFieldManager()
    {
        // Given a server accepting scale patches
        const string scale = "/apis/apps/v1/namespaces/ns/statefulsets/web/scale";
        Server.Map("PATCH", scale, Respond.Json(200, """{"kind":"Scale","spec":{"replicas":0}}"""));
        using var client = CreateClient();

        // When the StatefulSet is scaled to 0
        var answer = await client.PatchMergeAsync<V1StatefulSet>("ns", "web", """{"spec":{"replicas":0}}""", "scale", CancellationToken.None);

        // Then a merge patch went to the scale subresource, under the run's field manager
        answer.GetProperty("kind").GetString().ShouldBe("Scale");
        var request = Server.RequestsTo(scale).Single();
        (request.Method, request.Header("Content-Type")!.Split(';')[0], request.Body).ShouldBe(("PATCH", "application/merge-patch+json", """{"spec":{"replicas":0}}"""));
        request.Query("fieldManager").ShouldBe("conformancekit");
    }

    [Test]
    public async Task Create_PostsTheObjectWithItsKind()
    {
        // Given a server accepting namespaces
        Server.Map("POST", "/api/v1/namespaces", Respond.Json(201, """{"kind":"Namespace","metadata":{"name":"ck-1","uid":"n1"}}"""));
        using var client = CreateClient();

        // When a namespace is created
        var created = await client.CreateAsync(null, new V1Namespace { Metadata = new V1ObjectMeta { Name = "ck-1" } }, CancellationToken.None);

        // Then the server's answer is returned and the body carried apiVersion and kind
        created.Metadata.Uid.ShouldBe("n1");
        using var body = JsonDocument.Parse(Server.RequestsTo("/api/v1/namespaces").Single().Body);
        (body.RootElement.GetProperty("apiVersion").GetString(), body.RootElement.GetProperty("kind").GetString()).ShouldBe(("v1", "Namespace"));
    }

    [Test]
    public async Task LogsAndRaw_ReturnTheBodies()
    {
        // Given a log and a readiness endpoint that fails
        Server.Map("GET", PodsPath + "/web-0/log", async context => await context.Response.WriteAsync("line 1\nline 2\n"));
        Server.Map("GET", "/readyz", Respond.Json(500, "not ready"));
        using var client = CreateClient(TimeSpan.FromMilliseconds(300));

        // When both are read
        var logs = await client.GetLogsAsync("ns", "web-0", "main", CancellationToken.None);
        var (status, body) = await client.GetRawAsync("/readyz", CancellationToken.None);

        // Then the texts come back, the container is asked for, and the raw call does not throw on 500
        logs.ShouldBe("line 1\nline 2\n");
        Server.RequestsTo(PodsPath + "/web-0/log").Single().Query("container").ShouldBe("main");
        (status, body).ShouldBe((500, "not ready"));
    }
}
