using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Storage;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class ReclaimTests
{
    private static readonly Dictionary<string, string> Volumes = new() { ["data-web-0"] = "pv-0", ["data-web-1"] = "pv-1" };

    private static V1PersistentVolume V1Volume(string name, string phase, string? claimNamespace = "ck-reclaim-ab12", string policy = "Retain", bool provisioned = true) => new()
    {
        Metadata = new() { Name = name, Annotations = provisioned ? new Dictionary<string, string> { [Reclaim.ProvisionedByAnnotation] = "kubernetes.io/host-path" } : null },
        Spec = new() { PersistentVolumeReclaimPolicy = policy, ClaimRef = claimNamespace is null ? null : new() { NamespaceProperty = claimNamespace, Name = "data-web-0" } },
        Status = new() { Phase = phase },
    };

    [Test]
    public void Delete_VolumesGone_Passes()
    {
        // Given / When / Then
        Reclaim.Check("fast-ssd", "Delete", Volumes, [V1Volume("pv-other", "Bound")]).ShouldPass();
    }

    [Test]
    public void Delete_VolumeStillThere_Fails()
    {
        // Given pv-1 is Released under a Delete class (the deleter failed or has not run)
        // When / Then
        Reclaim.Check("fast-ssd", "Delete", Volumes, [V1Volume("pv-1", "Released")])
            .ShouldFail("volume pv-1 of the deleted claim data-web-1 still exists (Released) although class fast-ssd has reclaimPolicy Delete");
    }

    [Test]
    public void Retain_VolumesReleasedAndKept_PassesWithAWarningNamingThem()
    {
        // Given / When
        var result = Reclaim.Check("slow-hdd", "Retain", Volumes, [V1Volume("pv-0", "Released"), V1Volume("pv-1", "Released")]);

        // Then
        result.ShouldPass().Message.ShouldStartWith("warning: class slow-hdd retains volumes: pv-0, pv-1 stay Released");
    }

    [Test]
    public void Retain_VolumeDeleted_Fails()
    {
        // Given pv-0 disappeared although the class retains volumes
        // When / Then
        Reclaim.Check("slow-hdd", "Retain", Volumes, [V1Volume("pv-1", "Released")])
            .ShouldFail("volume pv-0 of claim data-web-0 was deleted although class slow-hdd has reclaimPolicy Retain");
    }

    [Test]
    public void RetainedOfRun_OnlyRetainedVolumesProvisionedForThisRunsNamespaces()
    {
        // Given volumes of this run (Released, Failed, Bound, a Released one of a Delete class), of another namespace, without a claimRef,
        // and a pre-provisioned one (no provisioned-by annotation: an administrator's) last bound to a claim of this run
        var volumes = new[]
        {
            V1Volume("ours-released", "Released"), V1Volume("ours-bound", "Bound"), V1Volume("theirs", "Released", "production"),
            V1Volume("unclaimed", "Available", null), V1Volume("ours-failed", "Failed", "ck-other-run-cd34"), V1Volume("ours-delete", "Released", policy: "Delete"),
            V1Volume("admins-local-disk", "Released", provisioned: false),
        };

        // When
        var ours = Reclaim.RetainedOfRun(volumes, new HashSet<string> { "ck-reclaim-ab12", "ck-other-run-cd34" });

        // Then only the run's own Retained volumes, in any phase
        ours.Select(v => v.Metadata.Name).ShouldBe(["ours-released", "ours-bound", "ours-failed"]);
    }
}
