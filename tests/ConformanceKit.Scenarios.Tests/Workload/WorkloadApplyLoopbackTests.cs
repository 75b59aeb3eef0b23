using System.Text.Json;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>
/// The live scenarios' apply of the user's rewritten workload through the adapter, against a loopback server with the
/// recorded v1.26 discovery: a custom kind the server's discovery answers goes to its plural; a kind it does not serve
/// is refused in one line with nothing applied.
/// </summary>
public sealed class WorkloadApplyLoopbackTests : LoopbackTest
{
    private const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: gauge
        spec:
          size: 3
        """;

    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "s1" };

    [Test]
    public async Task Apply_RewrittenWorkloadWithACustomKindTheServerServes_PatchesEachDocumentInTheScenarioNamespace()
    {
        // Given the user's Service, StatefulSet and a Widget, and a server whose discovery serves widgets in example.com/v1
        Server.MapResourceList("example.com/v1", ("Widget", "widgets", true));
        Server.Map("PATCH", "/api/v1/namespaces/ns/services/db", Respond.Json(200, """{"kind":"Service","metadata":{"name":"db"}}"""));
        Server.Map("PATCH", "/apis/apps/v1/namespaces/ns/statefulsets/db", Respond.Json(200, """{"kind":"StatefulSet","metadata":{"name":"db"}}"""));
        Server.Map("PATCH", "/apis/example.com/v1/namespaces/ns/widgets/gauge", Respond.Json(201, """{"kind":"Widget","metadata":{"name":"gauge"}}"""));
        var (plan, rewritten) = Prepare();
        using var client = CreateClient();

        // When
        var stored = await WorkloadDiscovery.ApplyAsync(client, plan, rewritten, CancellationToken.None);

        // Then every document went as a server-side apply to its plural in ns, carrying the session label
        stored.Count.ShouldBe(3);
        var patches = Server.Requests.Where(r => r.Method == "PATCH").ToList();
        patches.Select(p => p.Path).ShouldBe(
            ["/api/v1/namespaces/ns/services/db", "/apis/apps/v1/namespaces/ns/statefulsets/db", "/apis/example.com/v1/namespaces/ns/widgets/gauge"]);
        using var widget = JsonDocument.Parse(patches[2].Body);
        widget.RootElement.GetProperty("metadata").GetProperty("namespace").GetString().ShouldBe("ns");
        widget.RootElement.GetProperty("metadata").GetProperty("labels").GetProperty("conformancekit.io/session").GetString().ShouldBe("s1");
        widget.RootElement.GetProperty("spec").GetProperty("size").GetInt32().ShouldBe(3);
    }

    [Test]
    public async Task Apply_KindTheServerDoesNotServe_IsOneLineAndNothingIsApplied()
    {
        // Given the same workload and a server that does not serve example.com/v1 at all (negative control)
        var (plan, rewritten) = Prepare();
        using var client = CreateClient();

        // When
        var error = await Should.ThrowAsync<WorkloadInputException>(() => WorkloadDiscovery.ApplyAsync(client, plan, rewritten, CancellationToken.None));

        // Then one line names the document and the kind, and no PATCH was sent
        error.Message.ShouldContain("Widget/gauge: the cluster does not serve the kind Widget (example.com/v1)");
        error.Message.ShouldNotContain("\n");
        Server.Requests.ShouldNotContain(r => r.Method == "PATCH");
    }

    [Test]
    public async Task ServedKinds_AskDiscoveryOncePerApiVersion()
    {
        // Given the workload's three apiVersions
        Server.MapResourceList("example.com/v1", ("Widget", "widgets", true));
        var (_, rewritten) = Prepare();
        using var client = CreateClient();

        // When
        var served = await WorkloadDiscovery.ServedKindsAsync(client, rewritten.Documents, CancellationToken.None);

        // Then each is asked once, and the kinds are those discovery lists
        (Server.RequestsTo("/api/v1").Count, Server.RequestsTo("/apis/apps/v1").Count, Server.RequestsTo("/apis/example.com/v1").Count).ShouldBe((1, 1, 1));
        served.ShouldContain(new ServedKind("example.com/v1", "Widget", true));
        served.ShouldContain(new ServedKind("apps/v1", "StatefulSet", true));
    }

    private static (WorkloadPlan Plan, RewrittenWorkload Rewritten) Prepare()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ck-workload-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet(), Widget));
        try
        {
            var plan = WorkloadPlan.Prepare([file], null, [], Labels);
            return (plan, plan.RewriteFor("ns", Labels));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
