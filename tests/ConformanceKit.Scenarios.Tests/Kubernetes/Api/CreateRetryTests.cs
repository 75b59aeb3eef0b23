using System.Net;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

/// <summary>A create (POST) is repeated only when the server surely did not act on it.</summary>
public sealed class CreateRetryTests : LoopbackTest
{
    private const string NamespacesPath = "/api/v1/namespaces";
    private const string Created = """{"kind":"Namespace","metadata":{"name":"ck-1","uid":"n1"}}""";

    private static Task<V1Namespace> CreateNamespaceAsync(KubeClient client) =>
        client.CreateAsync(null, new V1Namespace { Metadata = new V1ObjectMeta { Name = "ck-1" } }, CancellationToken.None);

    [Test]
    public async Task Create_ConnectionResetBeforeTheAnswer_IsNotSentAgain()
    {
        // Given a server that drops the first create without answering (it may have stored the namespace)
        Server.MapSequence("POST", NamespacesPath, Respond.Abort(), Respond.Json(201, Created));
        using var client = CreateClient();

        // When a namespace is created
        var error = await Should.ThrowAsync<IOException>(() => CreateNamespaceAsync(client));

        // Then exactly one POST was made and the message names the call and why it was not repeated
        Server.RequestsTo(NamespacesPath).Count.ShouldBe(1);
        error.Message.ShouldStartWith($"POST {NamespacesPath} to {Server.BaseAddress}");
        error.Message.ShouldContain("not sent again");
    }

    [TestCase(500)]
    [TestCase(504)]
    public async Task Create_ServerErrorWithoutRetryAfter_SurfacesAfterOneRequest(int code)
    {
        // Given a server failing the first create with an ambiguous server error
        Server.MapSequence("POST", NamespacesPath, Respond.Status(code, "InternalError", "etcd timed out"), Respond.Json(201, Created));
        using var client = CreateClient();

        // When a namespace is created
        var error = await Should.ThrowAsync<KubeApiException>(() => CreateNamespaceAsync(client));

        // Then the error surfaces with its status and no second POST was made
        error.StatusCode.ShouldBe((HttpStatusCode)code);
        Server.RequestsTo(NamespacesPath).Count.ShouldBe(1);
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task Create_RefusedWithRetryAfter_IsRetried(int code)
    {
        // Given a server that refuses the first create and says when to come back (negative control: it did not act)
        Server.MapSequence("POST", NamespacesPath, Respond.Status(code, "TooManyRequests", "later", ("Retry-After", "0")), Respond.Json(201, Created));
        using var client = CreateClient();

        // When a namespace is created
        var created = await CreateNamespaceAsync(client);

        // Then the second POST created it
        created.Metadata.Uid.ShouldBe("n1");
        Server.RequestsTo(NamespacesPath).Count.ShouldBe(2);
    }

    [Test]
    public async Task Patch_ServerError_IsStillRetried()
    {
        // Given a server failing the first merge patch (negative control: patches are safe to repeat)
        var path = Objects.PodsPath + "/web-0";
        Server.MapSequence("PATCH", path, Respond.Status(500, "InternalError", "x"), Respond.Json(200, Objects.Pod("web-0", "u0", "9")));
        using var client = CreateClient();

        // When the pod is patched
        var answer = await client.PatchMergeAsync<V1Pod>(Objects.Ns, "web-0", """{"metadata":{"labels":{"a":"b"}}}""", null, CancellationToken.None);

        // Then the second attempt answered
        answer.GetProperty("metadata").GetProperty("resourceVersion").GetString().ShouldBe("9");
        Server.RequestsTo(path).Count.ShouldBe(2);
    }
}
