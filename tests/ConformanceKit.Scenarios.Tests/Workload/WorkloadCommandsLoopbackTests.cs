using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Tests.Recording;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>
/// The hostname promise's two forms, decided by what the image has: commands run in the user's container through the
/// adapter, against a loopback server replaying the v1.26 exec exchanges (pod exec-rec/sh).
/// </summary>
[CancelAfter(60_000)]
public sealed class WorkloadCommandsLoopbackTests
{
    private const string Namespace = "exec-rec";

    [Test]
    public async Task Hostnames_ImageWithTheTool_ReturnsWhatEachPodPrints(CancellationToken cancellationToken)
    {
        // Given the recorded exchange of `hostname` in pod sh
        await using var server = await ServeAsync("exec-hostname.v4.json", cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);

        // When
        var hostnames = await new WorkloadCommands(client, recorder).HostnamesAsync(["sh"], "main", cancellationToken);

        // Then the exec'd form is used, with the container named in the request
        hostnames.ShouldNotBeNull();
        hostnames["sh"].ShouldBe("sh");
        server.Requests.Single(r => r.Path.EndsWith("/exec", StringComparison.Ordinal)).Query("container").ShouldBe("main");
    }

    [Test]
    public async Task Hostnames_ImageWithoutTheTool_IsNull_SoTheApiFormIsChecked(CancellationToken cancellationToken)
    {
        // Given the recorded exchange of a binary the image does not have (negative control of the exec'd form)
        await using var server = await ServeAsync("exec-missing-command.v4.json", cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        await using var recorder = await ScenarioRecorder.StartAsync(client, Namespace, null, cancellationToken);
        var commands = new WorkloadCommands(client, recorder);

        // When / Then no hostname output (the scenario reads spec.hostname and subdomain), and no shell either
        (await commands.HostnamesAsync(["sh"], "main", cancellationToken)).ShouldBeNull();
        (await commands.ShellContainersAsync("sh", ["main"], cancellationToken)).ShouldBeEmpty();
    }

    private static async Task<LoopbackApiServer> ServeAsync(string recording, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/pods", "PodList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/persistentvolumeclaims", "PersistentVolumeClaimList", [("400", [])]);
        ReplayServer.MapResource(server, $"/api/v1/namespaces/{Namespace}/events", "EventList", [("400", [])]);
        var exchange = ExecRecording.Load(recording);
        server.Map("GET", exchange.RequestPath, exchange.ServeAsync);
        return server;
    }
}
