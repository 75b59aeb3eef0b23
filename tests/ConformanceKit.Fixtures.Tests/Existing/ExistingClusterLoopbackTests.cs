using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.TestSupport.Loopback;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.Fixtures.Tests.Existing;

/// <summary>The existing-cluster preflight against the loopback API server (recorded v1.26 discovery and /version).</summary>
public sealed class ExistingClusterLoopbackTests
{
    [Test]
    public async Task Attach_UserWithoutExecAndPvList_FailsListingExactlyWhatIsMissing()
    {
        // Given a v1.26 server whose access reviews deny pods/exec and listing persistentvolumes
        await using var server = await StartAsync(a => !(a["subresource"]?.GetValue<string>() == "exec"
            || (a["resource"]?.GetValue<string>() == "persistentvolumes" && a["verb"]?.GetValue<string>() == "list")));

        // When the suite attaches to it
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            ExistingCluster.AttachAsync(server.CreateConnection(), null, _ => { }, CancellationToken.None));

        // Then the one message lists both missing permissions and nothing that was allowed
        error.Message.ShouldContain("is not allowed to: get pods/exec (in the run's namespaces); create pods/exec (in the run's namespaces); list persistentvolumes.");
        error.Message.ShouldNotContain("namespaces;");
    }

    [Test]
    public async Task Attach_UserAllowedEverything_UsesTheDefaultStorageClassAndServerVersion()
    {
        // Given a v1.26 server that allows every review and has a default storage class
        await using var server = await StartAsync(_ => true);

        // When the suite attaches to it
        await using var cluster = await ExistingCluster.AttachAsync(server.CreateConnection(), null, _ => { }, CancellationToken.None);

        // Then the default class is chosen, the version read, and every required review was asked
        cluster.StorageClass.ShouldBe("local-path");
        cluster.ServerVersion.GitVersion.ShouldBe("v1.26.0");
        cluster.Capabilities.Supports(1, 26).ShouldBeTrue();
        server.Requests.Count(r => r.Path.EndsWith("/selfsubjectaccessreviews", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
    }

    [Test]
    public async Task Attach_SeveralClasses_ChecksEach_AndTheFirstIsStorageClass()
    {
        // Given a v1.26 server with the classes slow and local-path
        await using var server = await StartAsync(_ => true);

        // When the suite attaches asking for both, and (negative control) for local-path and a missing one
        await using var cluster = await ExistingCluster.AttachAsync(server.CreateConnection(), ["slow", "local-path"], _ => { }, CancellationToken.None);
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            ExistingCluster.AttachAsync(server.CreateConnection(), ["local-path", "gold"], _ => { }, CancellationToken.None));

        // Then both are kept as the server stores them, in order; the missing one is named with the existing ones
        cluster.StorageClasses.ShouldBe(["slow", "local-path"]);
        cluster.StorageClass.ShouldBe("slow");
        cluster.StorageClassObjects.Select(c => c.Provisioner).ShouldBe(["x", "rancher.io/local-path"]);
        cluster.Description.ShouldEndWith("storage classes 'slow', 'local-path'");
        error.Message.ShouldStartWith("StorageClass 'gold' does not exist; the cluster has: slow, local-path (default).");
    }

    private static async Task<LoopbackApiServer> StartAsync(Func<JsonNode, bool> allowed)
    {
        var server = await LoopbackApiServer.StartAsync();
        server.MapRecordedDiscovery()
            .MapResourceList("authorization.k8s.io/v1", ("SelfSubjectAccessReview", "selfsubjectaccessreviews", false))
            .Map("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", context => AnswerReviewAsync(context, allowed))
            .Map("GET", "/apis/storage.k8s.io/v1/storageclasses", Respond.List("StorageClassList", "7", null,
                """{"metadata":{"name":"slow"},"provisioner":"x"}""",
                """{"metadata":{"name":"local-path","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"rancher.io/local-path"}"""));
        return server;
    }

    private static async Task AnswerReviewAsync(HttpContext context, Func<JsonNode, bool> allowed)
    {
        var review = (await JsonNode.ParseAsync(context.Request.Body))!;
        var attributes = review["spec"]!["resourceAttributes"]!;
        review["status"] = new JsonObject { ["allowed"] = allowed(attributes) };
        await Respond.Json(201, review.ToJsonString())(context);
    }
}
