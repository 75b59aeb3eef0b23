using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Tests.Manifests;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Updates;

/// <summary>
/// The update scenarios' sequences of applies (and the partition barrier's patches), each sent by the client as the
/// scenario sends it to a server holding the set with v1.26's update rule: the first apply creates the set (with a
/// default the manifests omit), each later one is merged into it and must change only fields v1.26 lets an update change.
/// </summary>
[CancelAfter(60_000)]
public sealed class UpdateReapplyTests
{
    private const string Namespace = "ck-upd";
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());

    private static StatefulSetParameters Set(StatefulSetVariant variant, UpdateStrategyParameters? strategy) => new()
    {
        Name = "web",
        Namespace = Namespace,
        Image = "local/web:ck",
        Variant = variant,
        UpdateStrategy = strategy,
        Labels = new Dictionary<string, string> { ["conformancekit.io/session"] = "s-1" },
    };

    private static IEnumerable<TestCaseData> Sequences()
    {
        var rolling = Set(StatefulSetVariant.Updatable, null);
        var partitioned = Set(StatefulSetVariant.Updatable, UpdateStrategyParameters.RollingUpdate(partition: 2));
        var onDelete = Set(StatefulSetVariant.Updatable, UpdateStrategyParameters.OnDelete);
        var held = Set(StatefulSetVariant.HeldReadiness, null);
        var maxUnavailable = Set(StatefulSetVariant.Updatable, UpdateStrategyParameters.RollingUpdate(maxUnavailable: 2)) with
        {
            PodManagementPolicy = PodManagementPolicy.Parallel,
        };
        yield return Case("rolling update", rolling, rolling with { Revision = "v2" });
        yield return Case("held rolling update with its barrier", held, held with { Revision = "v2" }, ControllerSync.PartitionPatch(2), ControllerSync.PartitionPatch(0));
        yield return Case("OnDelete", onDelete, onDelete with { Revision = "v2" });
        yield return Case("partition", partitioned, partitioned with { Revision = "v2" }, ControllerSync.PartitionPatch(3), ControllerSync.PartitionPatch(2),
            partitioned with { Revision = "v2", UpdateStrategy = UpdateStrategyParameters.RollingUpdate(partition: 0) });
        yield return Case("rollback", rolling, rolling with { Revision = "v2" }, rolling);
        yield return Case("roll forward", rolling, rolling with { Revision = "v2" }, rolling with { Revision = "v3" });
        yield return Case("maxUnavailable", maxUnavailable, maxUnavailable with { Revision = "v2" });
    }

    // One sequence: applies (parameters) and merge patches (JSON), in order.
    private static TestCaseData Case(string name, params object[] steps) => new TestCaseData(new object[] { steps }).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Sequences))]
    public async Task Sequence_OnAV126Server_EveryUpdateIsAcceptedAndBumpsTheGeneration(object[] steps, CancellationToken cancellationToken)
    {
        // Given a server that stores the set with v1.26's update rule
        var server = new StoringServer();
        await using var loopback = await server.StartAsync(cancellationToken);
        using var client = KubeClient.Create(loopback.CreateConnection());

        // When the scenario's applies and patches are sent in order
        var generations = new List<long>();
        foreach (var step in steps)
        {
            var stored = step is StatefulSetParameters set
                ? (await client.ApplyAsync(Renderer.Render(set), Namespace, cancellationToken)).Single()
                : await client.PatchMergeAsync<V1StatefulSet>(Namespace, "web", (string)step, null, cancellationToken);
            generations.Add(ControllerSync.Generation(stored));
        }

        // Then none was refused, each changed the spec (a no-op would leave a stale generation to wait on), and the
        // server's default survived every merge
        server.Store!.Refused.ShouldBeEmpty();
        generations.ShouldBe(Enumerable.Range(1, steps.Length).Select(g => (long)g));
        JsonNode.Parse(server.Store.Json)!["spec"]!["revisionHistoryLimit"]!.GetValue<int>().ShouldBe(10);
    }

    [Test]
    public async Task ReapplyWithAnotherServiceName_OnAV126Server_IsRefused(CancellationToken cancellationToken)
    {
        // Given a set stored on a server with v1.26's update rule
        var server = new StoringServer();
        await using var loopback = await server.StartAsync(cancellationToken);
        using var client = KubeClient.Create(loopback.CreateConnection());
        var set = Set(StatefulSetVariant.Updatable, null);
        await client.ApplyAsync(Renderer.Render(set), Namespace, cancellationToken);

        // When the manifest is applied again with a field v1.26 does not let an update change
        var error = await Should.ThrowAsync<KubeApiException>(() =>
            client.ApplyAsync(Renderer.Render(set with { Revision = "v2", ServiceName = "other" }), Namespace, cancellationToken));

        // Then it is refused as the real server refused it, and nothing changed
        error.Message.ShouldContain("updates to statefulset spec for fields other than");
        server.Store!.Refused.Count.ShouldBe(1);
        JsonNode.Parse(server.Store.Json)!["metadata"]!["generation"]!.GetValue<long>().ShouldBe(1);
    }

    // Answers the set's apply PATCHes: the first creates it (generation 1, revisionHistoryLimit defaulted to 10, as a
    // v1.26 server stores it), the others are merged into it by V126StatefulSetStore; merge PATCHes go to the store too.
    private sealed class StoringServer
    {
        public V126StatefulSetStore? Store { get; private set; }

        public async Task<LoopbackApiServer> StartAsync(CancellationToken cancellationToken)
        {
            var server = await LoopbackApiServer.StartAsync(cancellationToken);
            server.MapRecordedDiscovery();
            server.Map("PATCH", $"/apis/apps/v1/namespaces/{Namespace}/statefulsets/web", async context =>
            {
                if (Store is not null)
                {
                    await Store.Patch(context);
                    return;
                }

                using var reader = new StreamReader(context.Request.Body);
                var created = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted))!.AsObject();
                created["metadata"]!["generation"] = 1;
                created["spec"]!["revisionHistoryLimit"] = 10;
                Store = new V126StatefulSetStore(created.ToJsonString());
                await Respond.Json(201, Store.Json)(context);
            });
            return server;
        }
    }
}
