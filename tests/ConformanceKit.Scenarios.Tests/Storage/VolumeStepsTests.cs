using System.Globalization;
using System.Text.Json.Nodes;
using ConformanceKit.Kube.Api;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>The cleanup of Retained volumes against a loopback API server: what it waits for, what it patches, what it leaves alone.</summary>
[CancelAfter(60_000)]
public sealed class VolumeStepsTests
{
    private const string VolumesPath = "/api/v1/persistentvolumes";
    private const string Namespace = "ck-reclaim-ab12";

    [Test]
    public async Task ReclaimRetained_VolumeStillBoundWhenListed_WaitsUntilReleasedThenHandsOnlyItBackToItsProvisioner(CancellationToken cancellationToken)
    {
        // Given the run's Retained volume still Bound (the PV controller has not yet seen its claim go) and released
        // only in a later watch event, beside a Released volume of another namespace, a pre-provisioned one last bound
        // in this namespace, and one of a Delete class
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ServeAsync(
            [Volume("pv-ours", "Bound"), Volume("pv-theirs", "Released", claimNamespace: "production"), Volume("pv-static", "Released", provisioned: false),
             Volume("pv-delete", "Released", policy: "Delete")],
            new WatchScript().WaitFor(released.Task).Event("MODIFIED", Volume("pv-ours", "Released", resourceVersion: 710)).HoldOpen(),
            cancellationToken, watching);
        using var client = KubeClient.Create(server.CreateConnection());
        var steps = new VolumeSteps(client, TimeSpan.FromSeconds(20));

        // When the cleanup runs, and the volume is released while it waits
        var cleanup = steps.ReclaimRetainedAsync(new HashSet<string> { Namespace }, cancellationToken);
        await watching.Task.WaitAsync(cancellationToken);
        cleanup.IsCompleted.ShouldBeFalse("the volume is still Bound");
        released.SetResult();
        var handedBack = await cleanup;

        // Then only the run's volume had its reclaimPolicy set to Delete, after it was released, and nothing was deleted
        handedBack.ShouldBe(["pv-ours"]);
        var writes = server.Requests.Where(r => r.Method is "PATCH" or "DELETE" or "PUT").Select(r => $"{r.Method} {r.Path} {r.Body}").ToList();
        writes.ShouldBe([$"PATCH {VolumesPath}/pv-ours {VolumeSteps.DeletePolicyPatch}"]);
    }

    [Test]
    public async Task ReclaimRetained_VolumeNeverReleased_IsLeftAloneAtTheDeadline(CancellationToken cancellationToken)
    {
        // Given the run's Retained volume that stays Bound (its claim still exists)
        await using var server = await ServeAsync([Volume("pv-ours", "Bound")], new WatchScript().HoldOpen(), cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());
        var steps = new VolumeSteps(client, TimeSpan.FromMilliseconds(300));

        // When / Then the cleanup gives up at its deadline without touching it
        (await steps.ReclaimRetainedAsync(new HashSet<string> { Namespace }, cancellationToken)).ShouldBeEmpty();
        server.Requests.ShouldNotContain(r => r.Method == "PATCH" || r.Method == "DELETE");
    }

    private static async Task<LoopbackApiServer> ServeAsync(
        IReadOnlyList<string> volumes, WatchScript watch, CancellationToken cancellationToken, TaskCompletionSource? watching = null)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        server.MapWatch(VolumesPath, async context =>
        {
            watching?.TrySetResult();
            await watch.PlayAsync(context);
        });
        server.MapList(VolumesPath, Respond.List("PersistentVolumeList", "700", null, [.. volumes]));
        server.Map("PATCH", $"{VolumesPath}/pv-ours", Respond.Json(200, Volume("pv-ours", "Released", policy: "Delete", resourceVersion: 720)));
        return server;
    }

    private static string Volume(string name, string phase, string claimNamespace = Namespace, string policy = "Retain", bool provisioned = true, int resourceVersion = 701)
    {
        var metadata = new JsonObject { ["name"] = name, ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (provisioned)
        {
            metadata["annotations"] = new JsonObject { [Reclaim.ProvisionedByAnnotation] = "kubernetes.io/host-path" };
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["persistentVolumeReclaimPolicy"] = policy,
                ["claimRef"] = new JsonObject { ["namespace"] = claimNamespace, ["name"] = "data-web-0" },
            },
            ["status"] = new JsonObject { ["phase"] = phase },
        }.ToJsonString();
    }
}
