using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>WorkloadUnderTest against a loopback API server: what it creates, applies and deletes, and what it refuses before creating anything.</summary>
[CancelAfter(60_000)]
public sealed class WorkloadUnderTestTests
{
    [Test]
    public async Task Start_SeedExample_CreatesALabelledNamespace_RecordsBeforeApplying_AndAppliesOnlyTheRewrittenDocuments()
    {
        // Given a server that takes the namespace and the applies
        await using var api = await WorkloadApiServer.StartAsync();
        using var client = KubeClient.Create(api.Server.CreateConnection());

        // When the seed example is started and disposed
        var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()));
        var ns = workload.Namespace;
        await workload.DisposeAsync();

        // Then the namespace carries the session label, the pod watch began before the first apply,
        var requests = api.Server.Requests.ToList();
        var created = JsonNode.Parse(requests.Single(r => r.Method == "POST" && r.Path == "/api/v1/namespaces").Body)!;
        created["metadata"]!["labels"]![ConformanceKit.Fixtures.Session.SessionLabels.Session]!.GetValue<string>().ShouldBe(api.Run.Id);
        var firstApply = requests.FindIndex(r => r.Method == "PATCH");
        requests.FindIndex(r => r.Path == $"/api/v1/namespaces/{ns}/pods" && r.Query("watch") is not null).ShouldBeInRange(0, firstApply - 1);

        // and the two documents went in with that namespace and label, their spec as written
        var set = JsonNode.Parse(requests.Single(r => r.Method == "PATCH" && r.Path.EndsWith("/statefulsets/sfs-test01", StringComparison.Ordinal)).Body)!;
        set["metadata"]!["namespace"]!.GetValue<string>().ShouldBe(ns);
        set["metadata"]!["labels"]![ConformanceKit.Fixtures.Session.SessionLabels.Session]!.GetValue<string>().ShouldBe(api.Run.Id);
        set["spec"]!["replicas"]!.GetValue<int>().ShouldBe(3);
        set["spec"]!["serviceName"]!.GetValue<string>().ShouldBe("sfs-service01");
        requests.Count(r => r.Method == "PATCH").ShouldBe(2);

        // and what the test reads names the set, its Service, its claim template and each change made
        (workload.SetName, workload.ServiceName, workload.Replicas).ShouldBe(("sfs-test01", "sfs-service01", 3));
        workload.ClaimTemplates.ShouldBe(["sfs-vol01"]);
        workload.Changes.ShouldContain(c => c.Field == "metadata.namespace" && c.New == ns && c.Document.Contains("StatefulSet/sfs-test01", StringComparison.Ordinal));
        workload.Timeline().Steps.ShouldContain(s => s.Label == "applied 2 document(s) of StatefulSet sfs-test01");

        // and disposing deleted the namespace
        api.Writes.ShouldContain(r => r.Method == "DELETE" && r.Path == $"/api/v1/namespaces/{ns}");
    }

    [Test]
    public async Task Start_AKindTheClusterDoesNotServe_FailsInOneLineAndCreatesNothing()
    {
        // Given the example plus a custom resource whose group the server does not serve
        await using var api = await WorkloadApiServer.StartAsync();
        using var client = KubeClient.Create(api.Server.CreateConnection());
        var extra = Path.Combine(Path.GetTempPath(), $"ck-monitor-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(extra, "apiVersion: monitoring.example.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: sfs\nspec: {}\n");
        try
        {
            // When it is started
            var error = await Should.ThrowAsync<WorkloadInputException>(() => api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example(), extra)));

            // Then one line names the document and its kind, and nothing was created or applied
            error.Message.ShouldNotContain("\n");
            error.Message.ShouldContain($"{extra} document 1 (line 1) ServiceMonitor/sfs: the cluster does not serve the kind ServiceMonitor (monitoring.example.com/v1)");
            api.Writes.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(extra);
        }
    }

    [Test]
    public async Task Start_AClaimTemplateNamingAClassTheClusterLacks_FailsInOneLineAndCreatesNothing()
    {
        // Given the example with its claim template on class gold, on a cluster whose only class is local-path
        await using var api = await WorkloadApiServer.StartAsync();
        using var client = KubeClient.Create(api.Server.CreateConnection());
        var file = Path.Combine(Path.GetTempPath(), $"ck-gold-{Guid.NewGuid():N}.yaml");
        var example = await File.ReadAllTextAsync(WorkloadApiServer.Example());
        await File.WriteAllTextAsync(file, example.Replace("      accessModes:", "      storageClassName: gold\n      accessModes:", StringComparison.Ordinal));
        try
        {
            // When it is started
            var error = await Should.ThrowAsync<WorkloadInputException>(() => api.StartWorkloadAsync(client, api.Plan(file)));

            // Then one line names the template, the class and the classes there are, and nothing was created
            error.Message.ShouldBe("StatefulSet sfs-test01's volumeClaimTemplate sfs-vol01 names storageClassName gold, which the cluster does not have (it has: local-path (default)); change the template's storageClassName.");
            api.Writes.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Start_ApplyRefused_FailsWithTheServersWords_AndDeletesTheNamespace()
    {
        // Given a server that refuses the apply of either document
        await using var api = await WorkloadApiServer.StartAsync(Respond.Status(422, "Invalid", "StatefulSet.apps \"sfs-test01\" is invalid: spec.template.spec.containers[0].image: Required value"));
        using var client = KubeClient.Create(api.Server.CreateConnection());

        // When the example is started
        var error = await Should.ThrowAsync<KubeApiException>(() => api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example())));

        // Then the error carries the path, code and message, and the namespace it created is deleted again
        error.Message.ShouldContain("422");
        error.Message.ShouldContain("spec.template.spec.containers[0].image: Required value");
        var created = api.Writes.Single(r => r.Method == "POST").Body;
        var name = JsonNode.Parse(created)!["metadata"]!["name"]!.GetValue<string>();
        api.Writes.ShouldContain(r => r.Method == "DELETE" && r.Path == $"/api/v1/namespaces/{name}");
    }

    [Test]
    public async Task ResolvePods_BeforeThePodsExist_FailsNamingWhatTheNamespaceHolds()
    {
        // Given a started workload whose pods have not appeared (the server never sends any)
        await using var api = await WorkloadApiServer.StartAsync();
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()));

        // When the pods' names are looked up
        var error = await Should.ThrowAsync<InvalidOperationException>(() => workload.ResolvePodsAsync(CancellationToken.None));

        // Then the error names the set, the namespace, the count expected and what to call first; no probe pod was applied
        error.Message.ShouldBe($"cannot look up the pods of sfs-test01 in {workload.Namespace}: 3 pods with an IP expected, the namespace holds []; call WaitReadyAsync first");
        api.Writes.Count(r => r.Method == "PATCH").ShouldBe(2);
    }
}
