using System.Globalization;
using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>The hand-back of Retained volumes against a loopback API server: what it patches, what it leaves alone.</summary>
[CancelAfter(60_000)]
public sealed class VolumeStepsTests
{
    private const string VolumesPath = "/api/v1/persistentvolumes";
    private const string Namespace = "ck-reclaim-ab12";

    [Test]
    public async Task HandBackRetained_SetsDeleteOnTheRunsRetainedVolumesBoundOrReleased_AndTouchesNoOther(CancellationToken cancellationToken)
    {
        // Given the run's Retained volumes, one still Bound (its claim not yet gone) and one Released, beside a Released
        // volume of another namespace, a pre-provisioned one last bound in this namespace, and one of a Delete class
        await using var server = await ServeAsync(
            [V1Volume("pv-ours", "Bound"), V1Volume("pv-ours-released", "Released"), V1Volume("pv-theirs", "Released", claimNamespace: "production"),
             V1Volume("pv-static", "Released", provisioned: false), V1Volume("pv-delete", "Released", policy: "Delete")],
            cancellationToken);
        using var client = KubeClient.Create(server.CreateConnection());

        // When the cleanup hands them back
        var handedBack = await new VolumeSteps(client, TimeSpan.FromSeconds(20)).HandBackRetainedAsync(new HashSet<string> { Namespace }, cancellationToken);

        // Then only the run's two volumes had their reclaimPolicy set to Delete, and no volume object was deleted
        handedBack.ShouldBe(["pv-ours", "pv-ours-released"]);
        Writes(server).ShouldBe([$"PATCH {VolumesPath}/pv-ours {VolumeSteps.DeletePolicyPatch}", $"PATCH {VolumesPath}/pv-ours-released {VolumeSteps.DeletePolicyPatch}"]);
    }

    [Test]
    public async Task HandBackRetained_VolumeGoneBeforeItsPatch_IsSkipped(CancellationToken cancellationToken)
    {
        // Given the run's Released volume, deleted by someone else between the list and the patch (404)
        await using var server = await ServeAsync([V1Volume("pv-gone", "Released")], cancellationToken);
        server.Map("PATCH", $"{VolumesPath}/pv-gone", Respond.Status(404, "NotFound", "persistentvolumes \"pv-gone\" not found"));
        using var client = KubeClient.Create(server.CreateConnection());

        // When / Then the cleanup goes on without it
        (await new VolumeSteps(client, TimeSpan.FromSeconds(20)).HandBackRetainedAsync(new HashSet<string> { Namespace }, cancellationToken)).ShouldBeEmpty();
        Writes(server).ShouldBe([$"PATCH {VolumesPath}/pv-gone {VolumeSteps.DeletePolicyPatch}"]);
    }

    private static List<string> Writes(LoopbackApiServer server) =>
        [.. server.Requests.Where(r => r.Method is "PATCH" or "DELETE" or "PUT" or "POST").Select(r => $"{r.Method} {r.Path} {r.Body}")];

    private static async Task<LoopbackApiServer> ServeAsync(IReadOnlyList<string> volumes, CancellationToken cancellationToken)
    {
        var server = await LoopbackApiServer.StartAsync(cancellationToken);
        server.MapRecordedDiscovery();
        server.MapList(VolumesPath, Respond.List("PersistentVolumeList", "700", null, [.. volumes]));
        foreach (var name in new[] { "pv-ours", "pv-ours-released" })
        {
            server.Map("PATCH", $"{VolumesPath}/{name}", Respond.Json(200, V1Volume(name, "Released", policy: "Delete", resourceVersion: 720)));
        }

        return server;
    }

    private static string V1Volume(string name, string phase, string claimNamespace = Namespace, string policy = "Retain", bool provisioned = true, int resourceVersion = 701)
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
