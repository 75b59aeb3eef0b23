using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Claim supply of a set being created: no claim of ordinals 0..replicas-1 stays Pending because the class provides
/// no volume (the Pending diagnosis says <see cref="PendingCause.NoMatchingVolume"/>: Immediate binding and a Warning
/// on the claim; or <see cref="PendingCause.NoVolumeForFirstConsumer"/>: WaitForFirstConsumer and the scheduler refused
/// the pod for want of a volume to bind; or <see cref="PendingCause.ProvisioningFailed"/>: WaitForFirstConsumer, the
/// pod scheduled, and the provisioner's last try failed). Judged when a set never got Ready: that failure is the
/// class's, a violation, while every other reason (a WaitForFirstConsumer claim whose pod is not scheduled yet or is
/// unschedulable for cpu or a taint, a provisioner that has not answered yet) passes here and stays the harness's
/// timeout, whose message carries the diagnosis. An image that cannot be pulled, a missing Secret or ConfigMap, or a
/// pod the API server refuses to create, ends the wait before its timeout (<see cref="Recording.PodCannotStartException"/>), so it never reaches this judgement.
/// </summary>
public static class ClaimSupply
{
    private const string Name = nameof(ClaimSupply);

    /// <summary>Checks the last claim of each ordinal of <paramref name="setName"/> below <paramref name="replicas"/>.</summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int replicas, StorageClassProfile? storageClass)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        for (var i = 0; i < replicas; i++)
        {
            var name = PerPodStorage.ClaimName(template, setName, i);
            if (timeline.Claims.LastOrDefault(c => c.Name == name) is not { } claim)
            {
                facts.Add($"{name}: not created");
                continue;
            }

            facts.Add($"{name}: {claim.Phase ?? "no phase"}, volume {claim.VolumeName ?? "none"}");
            if (claim.Phase == "Pending" && TimelinePending.Explain(timeline, claim, storageClass) is { Cause: PendingCause.NoMatchingVolume or PendingCause.NoVolumeForFirstConsumer or PendingCause.ProvisioningFailed } explanation)
            {
                violations.Add($"claim {name} stayed Pending: {explanation.Sentence}");
            }
        }

        return CheckResult.From(Name, violations,
            $"no claim of {setName} stayed Pending for want of a volume on {(storageClass is null ? "its class" : $"class {storageClass.Name}")}", facts);
    }
}
