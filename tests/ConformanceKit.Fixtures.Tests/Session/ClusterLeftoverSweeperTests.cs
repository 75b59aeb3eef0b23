using ConformanceKit.Fixtures.Session;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>The sweep of namespaces and classes that crashed runs left in an existing cluster.</summary>
public sealed class ClusterLeftoverSweeperTests
{
    [Test]
    public async Task Sweep_RemovesDeadRunsLeftovers_AndLeavesLiveKeptForeignAndUnlabelledOnesAlone()
    {
        // Given a dead run's namespace and class, a live run's, a kept one, another host's and unlabelled ones
        var current = RunSession.Create();
        var dead = LabelledObjects.DeadRun();
        var keptDead = new Dictionary<string, string>(dead) { [SessionLabels.Kept] = "true" };
        var otherHost = new Dictionary<string, string>(dead) { [SessionLabels.Host] = "another-machine" };
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects()
            .Namespace("ck-dead", dead).Namespace("ck-live", current.Labels).Namespace("ck-kept", keptDead)
            .Namespace("ck-elsewhere", otherHost).Namespace("default")
            .StorageClass("ck-manual-dead", dead).StorageClass("ck-manual-live", current.Labels).StorageClass("standard")
            .MapOnto(server);
        using var client = KubeClient.Create(server.CreateConnection());
        var log = new List<string>();

        // When a new run sweeps
        var swept = await new ClusterLeftoverSweeper(client, log.Add).SweepAsync("ck-new-run", CancellationToken.None);

        // Then only the dead run's namespace and class are gone, each with a log line
        swept.ShouldBe(["namespace/ck-dead", "storageclass/ck-manual-dead"]);
        server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path)
            .ShouldBe(["/api/v1/namespaces/ck-dead", "/apis/storage.k8s.io/v1/storageclasses/ck-manual-dead"]);
        log.Count.ShouldBe(2);
        log[0].ShouldContain("is gone");
    }

    [Test]
    public async Task Sweep_UserWhoMayNotListNamespaces_SaysSoAndDeletesNothing()
    {
        // Given a user who may not list namespaces
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects().Namespace("ck-dead", LabelledObjects.DeadRun()).MapOnto(server, forbidNamespaceList: true);
        using var client = KubeClient.Create(server.CreateConnection());
        var log = new List<string>();

        // When a new run sweeps
        var swept = await new ClusterLeftoverSweeper(client, log.Add).SweepAsync("ck-new-run", CancellationToken.None);

        // Then nothing is deleted and one line says why
        swept.ShouldBeEmpty();
        server.Requests.ShouldNotContain(r => r.Method == "DELETE");
        log.ShouldHaveSingleItem().ShouldContain("not swept");
    }
}
