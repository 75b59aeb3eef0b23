using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// WaitReadyAsync on the user's workload whose first pod cannot pull its image: the recorded v1.26 web-0 while its
/// container was created (ordered-lifecycle), renamed sfs-test01-0 and put in ImagePullBackOff, and its kubelet
/// Pulled event turned into the kubelet's Failed "Failed to pull image" with a count.
/// </summary>
[CancelAfter(60_000)]
public sealed class WaitReadyImageTests
{
    private const string Image = "nginx:latest";

    [Test]
    public async Task WaitReady_PodThatFailedToPullThreeTimes_EndsAtOnceNamingTheImageMap_AndDisposeDeletesTheNamespace()
    {
        // Given sfs-test01-0 backing off after three failed pulls, a step timeout far longer than the test lets pass
        await using var api = await StartAsync(failedPulls: 3);
        using var client = KubeClient.Create(api.Server.CreateConnection());
        var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), Options(TimeSpan.FromSeconds(50)));
        var ns = workload.Namespace;

        // When the test waits for the set to be Ready, then disposes the workload
        var error = await Should.ThrowAsync<PodCannotStartException>(() => workload.WaitReadyAsync(CancellationToken.None));
        await workload.DisposeAsync();

        // Then one line names the pod, the image, the kubelet's message and the user's flag, and the namespace is deleted
        error.Message.ShouldBe(
            $"pod {ns}/sfs-test01-0 cannot start: the image \"{Image}\" of container main could not be pulled (ImagePullBackOff, 3 failed pulls; "
            + $"kubelet: 'Failed to pull image \"{Image}\": rpc error: code = Unavailable desc = dial tcp: lookup registry-1.example: i/o timeout'); "
            + "pass --workload-image-map FROM=TO (CK_WORKLOAD_IMAGE_MAP) mapping it to an image the cluster can pull");
        api.Writes.ShouldContain(r => r.Method == "DELETE" && r.Path == $"/api/v1/namespaces/{ns}");
    }

    [Test]
    public async Task WaitReady_PodThatFailedToPullOnce_WaitsOutItsTimeout()
    {
        // Given the same pod after a single failed pull (the negative control: it may still start)
        await using var api = await StartAsync(failedPulls: 1);
        using var client = KubeClient.Create(api.Server.CreateConnection());
        await using var workload = await api.StartWorkloadAsync(client, api.Plan(WorkloadApiServer.Example()), Options(TimeSpan.FromSeconds(2)));

        // When / Then the wait runs to its step timeout
        await Should.ThrowAsync<TimeoutException>(() => workload.WaitReadyAsync(CancellationToken.None));
    }

    private static WorkloadUnderTestOptions Options(TimeSpan step) => new() { StepTimeout = step, CleanupTimeout = TimeSpan.FromSeconds(20) };

    private static Task<WorkloadApiServer> StartAsync(int failedPulls) =>
        WorkloadApiServer.StartAsync(watch: (ns, resource) => resource switch
        {
            "pods" => new WatchScript().Event("ADDED", Pod(ns)).HoldOpen(),
            "events" => new WatchScript().Event("ADDED", FailedPulls(ns, failedPulls)).HoldOpen(),
            _ => new WatchScript().HoldOpen(),
        });

    private static JsonObject Recorded(string resource, Func<string, bool> which)
    {
        var line = File.ReadLines(SharedData.RecordedFile("ordered-lifecycle", $"{resource}.watch.jsonl")).First(which);
        return (JsonObject)JsonNode.Parse(line)!["object"]!.DeepClone();
    }

    private static string Pod(string ns)
    {
        var pod = Recorded("pods", l => l.Contains("\"name\":\"web-0\",\"generateName\"", StringComparison.Ordinal) && l.Contains("ContainerCreating", StringComparison.Ordinal));
        pod["metadata"]!["name"] = "sfs-test01-0";
        pod["metadata"]!["namespace"] = ns;
        pod["spec"]!["containers"]![0]!["image"] = Image;
        var status = pod["status"]!["containerStatuses"]![0]!;
        status["image"] = Image;
        status["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ImagePullBackOff", ["message"] = $"Back-off pulling image \"{Image}\"" } };
        return pod.ToJsonString();
    }

    private static string FailedPulls(string ns, int count)
    {
        var e = Recorded("events", l => l.Contains("\"reason\":\"Pulled\"", StringComparison.Ordinal) && l.Contains("\"name\":\"web-0\"", StringComparison.Ordinal));
        e["metadata"]!["namespace"] = ns;
        e["involvedObject"]!["name"] = "sfs-test01-0";
        e["involvedObject"]!["namespace"] = ns;
        e["type"] = "Warning";
        e["reason"] = "Failed";
        e["message"] = $"Failed to pull image \"{Image}\": rpc error: code = Unavailable desc = dial tcp: lookup registry-1.example: i/o timeout";
        e["count"] = count;
        return e.ToJsonString();
    }
}
