using System.Security.Cryptography.X509Certificates;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The rewritten document goes through the client package's server-side apply (loopback server, recorded v1.26 answer).</summary>
public sealed class ServerSideApplyTests
{
    [Test]
    public async Task RewrittenDocument_ServerSideApply_SendsItsJsonAndReadsTheRecordedAnswer()
    {
        // Given a user's ConfigMap rewritten for namespace default, and a server answering as the v1.26 server did
        await using var server = await LoopbackApiServer.StartAsync();
        server.Map("PATCH", "/api/v1/namespaces/default/configmaps/ssa-demo", HttpRecording.LoadApiResponse("server-side-apply.201.http").ServeAsync);
        var documents = ManifestLoader.Load("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa-demo\ndata:\n  k: \"1\"\n");
        var document = NamespaceRewrite.Apply(documents, "default", new Dictionary<string, string> { ["conformancekit.io/session"] = "s1" }).Documents.Single();
        var json = RewrittenWorkload.JsonOf(document);
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration
        {
            Host = server.BaseAddress.ToString(),
            SslCaCerts = new X509Certificate2Collection(server.Ca),
        });

        // When
        var applied = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(json, V1Patch.PatchType.ApplyPatch), document.Name, document.Namespace, fieldManager: "conformancekit", force: true);

        // Then the request carried the rewritten document unchanged, as an apply patch of our field manager
        var request = server.RequestsTo("/api/v1/namespaces/default/configmaps/ssa-demo").Single();
        request.Method.ShouldBe("PATCH");
        request.Header("Content-Type")!.ShouldStartWith("application/apply-patch+yaml");
        (request.Query("fieldManager"), request.Query("force")).ShouldBe(("conformancekit", "true"));
        request.Body.ShouldBe(json);
        request.Body.ShouldBe("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ssa-demo","namespace":"default","labels":{"conformancekit.io/session":"s1"}},"data":{"k":"1"}}""");
        applied.Metadata.ManagedFields.Single().Manager.ShouldBe("conformancekit");
    }

    [Test]
    public async Task YamlAsPatchContent_IsRejectedByThePackageBeforeAnyRequest()
    {
        // Given the same document as YAML (the negative control: why JsonOf exists)
        await using var server = await LoopbackApiServer.StartAsync();
        var document = NamespaceRewrite.Apply(ManifestLoader.Load("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa-demo}\n"), "default", new Dictionary<string, string>()).Documents.Single();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), SslCaCerts = new X509Certificate2Collection(server.Ca) });

        // When / Then the package writes string content as raw JSON, so YAML fails in the client
        await Should.ThrowAsync<System.Text.Json.JsonException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(RewrittenWorkload.YamlOf(document), V1Patch.PatchType.ApplyPatch), "ssa-demo", "default", fieldManager: "conformancekit", force: true));
        server.Requests.ShouldBeEmpty();
    }
}
