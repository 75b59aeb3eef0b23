using System.Net;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Microsoft.AspNetCore.Http;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

/// <summary>Paged lists whose continue token expires between pages (410 ResourceExpired).</summary>
public sealed class ListPagingTests : LoopbackTest
{
    private static readonly ListOptions OnePerPage = new() { PageSize = 1 };

    private static Func<HttpRequest, bool> Continuing(string? token) => request => request.Query["continue"].ToString() == (token ?? "");

    [Test]
    public async Task List_ContinueTokenExpired_StartsAgainFromAFreshFirstPage()
    {
        // Given a first page whose token expires, then a fresh first page whose token leads to the last page
        Server.MapSequence("GET", PodsPath, Continuing(null),
            Respond.List("PodList", "10", "old", Pod("web-0", "u0", "9")),
            Respond.List("PodList", "20", "new", Pod("web-0", "u0", "19")));
        Server.Map("GET", PodsPath, Respond.Status(410, "Expired", "The provided continue parameter is too old"), Continuing("old"));
        Server.Map("GET", PodsPath, Respond.List("PodList", "20", null, Pod("web-1", "u1", "18")), Continuing("new"));
        using var client = CreateClient();

        // When the pods are listed
        var list = await client.ListAsync<V1Pod>(Ns, OnePerPage, CancellationToken.None);

        // Then the list is the fresh snapshot only, with its resourceVersion, after one restart
        list.Items.Select(p => (p.Metadata.Name, p.Metadata.ResourceVersion)).ShouldBe([("web-0", "19"), ("web-1", "18")]);
        list.ResourceVersion.ShouldBe("20");
        Server.RequestsTo(PodsPath).Select(r => r.Query("continue")).ShouldBe([null, "old", null, "new"]);
    }

    [Test]
    public async Task List_ContinueTokenExpiringEveryTime_FailsWithTheStatusAfterAFewRestarts()
    {
        // Given a server whose continue tokens always expire (negative control: the restart is bounded)
        Server.Map("GET", PodsPath, Respond.List("PodList", "10", "old", Pod("web-0", "u0", "9")), Continuing(null));
        Server.Map("GET", PodsPath, Respond.Status(410, "Expired", "The provided continue parameter is too old"), Continuing("old"));
        using var client = CreateClient();

        // When the pods are listed
        var error = await Should.ThrowAsync<KubeApiException>(() => client.ListAsync<V1Pod>(Ns, OnePerPage, CancellationToken.None));

        // Then the 410 surfaces after the first attempt and three restarts
        (error.StatusCode, error.Reason).ShouldBe((HttpStatusCode.Gone, "Expired"));
        Server.RequestsTo(PodsPath).Count(r => r.Query("continue") is null).ShouldBe(4);
    }
}
