using System.Net;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Replay;

public sealed class RecordedApiResponseTests : LoopbackTest
{
    private void Serve(string method, string path, string file) => Server.Map(method, path, HttpRecording.LoadApiResponse(file).ServeAsync);

    [Test]
    public async Task Recorded404_OnPatch_SurfacesNotFoundWithTheMessage()
    {
        // Given the recorded 404 for a missing pod
        Serve("PATCH", "/api/v1/namespaces/default/pods/no-such-pod", "get-missing-pod.404.http");
        using var client = CreateClient();

        // When the pod is patched
        var error = await Should.ThrowAsync<KubeApiException>(() => client.PatchMergeAsync<V1Pod>("default", "no-such-pod", "{}", null, CancellationToken.None));

        // Then the exception reads like the server's answer
        error.Message.ShouldBe("PATCH /api/v1/namespaces/default/pods/no-such-pod: 404 NotFound: pods \"no-such-pod\" not found");
        Server.Requests.Count(r => r.Method == "PATCH").ShouldBe(1);
    }

    [TestCase("list-statefulsets-forbidden.403.http", "system:kube-proxy")]
    public async Task Recorded403_OnList_SurfacesForbidden(string file, string user)
    {
        // Given the recorded 403 for a user without rights
        Serve("GET", "/apis/apps/v1/namespaces/default/statefulsets", file);
        using var client = CreateClient();

        // When StatefulSets are listed
        var error = await Should.ThrowAsync<KubeApiException>(() => client.ListAsync<V1StatefulSet>("default", null, CancellationToken.None));

        // Then the exception is Forbidden and names the user, after one request
        (error.StatusCode, error.Reason).ShouldBe((HttpStatusCode.Forbidden, "Forbidden"));
        error.Message.ShouldStartWith("GET /apis/apps/v1/namespaces/default/statefulsets: 403 Forbidden: ");
        error.Message.ShouldContain(user);
        Server.RequestsTo("/apis/apps/v1/namespaces/default/statefulsets").Count.ShouldBe(1);
    }

    [Test]
    public async Task RecordedAnonymous403_OnListNamespaces_SurfacesForbidden()
    {
        // Given the recorded anonymous answer
        Serve("GET", "/api/v1/namespaces", "anonymous-list-namespaces.http");
        using var client = CreateClient();

        // When namespaces are listed
        var error = await Should.ThrowAsync<KubeApiException>(() => client.ListAsync<V1Namespace>(null, null, CancellationToken.None));

        // Then the message names the anonymous user
        error.Reason.ShouldBe("Forbidden");
        error.Message.ShouldContain("system:anonymous");
    }

    [Test]
    public async Task Recorded409Duplicate_OnCreate_SurfacesAlreadyExists()
    {
        // Given the recorded duplicate-create answer
        Serve("POST", "/api/v1/namespaces", "create-duplicate.409.http");
        using var client = CreateClient();

        // When a namespace is created
        var error = await Should.ThrowAsync<KubeApiException>(() => client.CreateAsync(null, new V1Namespace { Metadata = new V1ObjectMeta { Name = "dup" } }, CancellationToken.None));

        // Then it is a 409 AlreadyExists, not retried
        error.Message.ShouldBe("POST /api/v1/namespaces: 409 AlreadyExists: configmaps \"dup\" already exists");
        Server.RequestsTo("/api/v1/namespaces").Count.ShouldBe(1);
    }

    [Test]
    public async Task Recorded409FieldManagerConflict_OnApply_SurfacesTheConflictingField()
    {
        // Given the recorded server-side apply conflict
        Serve("PATCH", "/api/v1/namespaces/default/configmaps/ssa-demo", "server-side-apply-conflict.409.http");
        using var client = CreateClient();

        // When the config map is applied
        var error = await Should.ThrowAsync<KubeApiException>(() => client.ApplyAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-demo\ndata:\n  k: w\n", "default", CancellationToken.None));

        // Then the conflict and its field are reported
        (error.Reason, error.Status!.Details!.Causes!.Single().Reason).ShouldBe(("Conflict", "FieldManagerConflict"));
        error.Message.ShouldContain("Apply failed with 1 conflict: conflict with \"conformancekit\": .data.k");
    }

    [Test]
    public async Task RecordedApply201_ReturnsTheStoredObject()
    {
        // Given the recorded successful apply (negative control for the conflict)
        Serve("PATCH", "/api/v1/namespaces/default/configmaps/ssa-demo", "server-side-apply.201.http");
        using var client = CreateClient();

        // When the config map is applied
        var stored = await client.ApplyAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-demo\ndata:\n  k: v\n", "default", CancellationToken.None);

        // Then the stored object comes back
        stored.Single().GetProperty("metadata").GetProperty("uid").GetString().ShouldBe("4329fade-21f8-4f39-9cb4-5a13d1c8fcef");
    }

    [Test]
    public async Task Recorded422_OnCreate_ListsTheInvalidFields()
    {
        // Given the recorded invalid-StatefulSet answer
        Serve("POST", "/apis/apps/v1/namespaces/default/statefulsets", "create-invalid-statefulset.422.http");
        using var client = CreateClient();

        // When the StatefulSet is created
        var error = await Should.ThrowAsync<KubeApiException>(() => client.CreateAsync("default", new V1StatefulSet { Metadata = new V1ObjectMeta { Name = "bad" } }, CancellationToken.None));

        // Then the message and the causes name both fields, after one request
        error.Message.ShouldStartWith("POST /apis/apps/v1/namespaces/default/statefulsets: 422 Invalid: StatefulSet.apps \"bad\" is invalid");
        error.Status!.Details!.Causes!.Select(c => c.Field).ShouldBe(["spec.replicas", "spec.template.metadata.labels"]);
        Server.RequestsTo("/apis/apps/v1/namespaces/default/statefulsets").Count.ShouldBe(1);
    }

    [Test]
    public async Task RecordedWatchFromTooOldVersion_LeadsToARelist()
    {
        // Given the recorded 200-then-ERROR(410 Expired) answer, the recorded list, then a watch with a bookmark
        Server.MapWatch("/api/v1/namespaces/default/pods",
            HttpRecording.LoadApiResponse("watch-too-old-resourceversion.http").ServeAsync,
            Respond.Watch(new WatchScript().Bookmark("Pod", "1180").HoldOpen()));
        Server.MapList("/api/v1/namespaces/default/pods", HttpRecording.LoadApiResponse("list-paged-limit1.http").ServeAsync);
        using var client = CreateClient();

        // When the watch starts from resourceVersion 1
        var events = await Support.Streams.TakeAsync(ct => client.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = "1" }, ct), 1);

        // Then the client listed and watched again from the list's resourceVersion
        events.Single().ResourceVersion.ShouldBe("1180");
        Server.RequestsTo("/api/v1/namespaces/default/pods").Select(r => (r.Query("watch"), r.Query("resourceVersion")))
            .ShouldBe([("true", "1"), (null, null), ("true", "1177")]);
    }

    [Test]
    public async Task RecordedLimit1List_WithoutContinue_IsOneRequest()
    {
        // Given the recorded limit=1 answer (empty, no continue token)
        Server.MapList("/api/v1/namespaces/default/pods", HttpRecording.LoadApiResponse("list-paged-limit1.http").ServeAsync);
        using var client = CreateClient();

        // When pods are listed one per page
        var list = await client.ListAsync<V1Pod>("default", new ListOptions { PageSize = 1 }, CancellationToken.None);

        // Then one request with limit=1 was enough and the list's resourceVersion is kept
        (list.Items.Count, list.ResourceVersion).ShouldBe((0, "1177"));
        Server.RequestsTo("/api/v1/namespaces/default/pods").Single().Query("limit").ShouldBe("1");
    }
}
