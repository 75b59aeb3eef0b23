using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Explains a Pending claim in one sentence from its events, its pod's events and the class's binding mode.
/// Relies on event reasons and types, with one exception: the scheduler says only in a FailedScheduling message that
/// no node had a volume to bind for a WaitForFirstConsumer claim (<see cref="NoVolumeToBind"/>). Other messages are only quoted.
/// The provisioning reasons are the ones the volume controller and the external provisioners post on the claim:
/// ExternalProvisioning (Normal, repeated while the claim waits for a provisioner outside the controller),
/// ProvisioningFailed (Warning, at each failed try) and ProvisioningSucceeded (Normal). A failure not followed by a
/// success is where provisioning stands, even when the controller's waiting events keep coming after it.
/// </summary>
public static class PendingDiagnosis
{
    private const string WaitForFirstConsumer = "WaitForFirstConsumer";
    private const string ExternalProvisioning = "ExternalProvisioning";
    private const string ProvisioningFailed = "ProvisioningFailed";

    /// <summary>
    /// The scheduler's volume-binding refusal, seen on v1.26.0 (recorded-k8s-1.26/pending-wffc: in the pod's
    /// FailedScheduling event and its PodScheduled=False condition). Not "pod has unbound immediate PersistentVolumeClaims":
    /// that one names another claim's Immediate binding and shows in every recording while a provisioner binds normally.
    /// </summary>
    public const string NoVolumeToBind = "didn't find available persistent volumes to bind";

    /// <summary>
    /// Explains why <paramref name="claim"/> is Pending. <paramref name="storageClass"/> gives the binding mode
    /// (when null it is inferred from WaitForFirstConsumer/WaitForPodScheduled events); <paramref name="pod"/>
    /// names the consuming pod (when null, the pod whose name ends the claim's name is used).
    /// </summary>
    public static PendingExplanation Explain(V1PersistentVolumeClaim claim, IEnumerable<Corev1Event> events, V1StorageClass? storageClass = null, V1Pod? pod = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(events);
        var claimName = claim.Metadata.Name ?? "?";
        var className = claim.Spec?.StorageClassName ?? storageClass?.Metadata.Name;
        var classText = className is null ? "the default storage class" : $"storageClassName={className}";
        if (claim.Status?.Phase == "Bound")
        {
            return new(PendingCause.Bound, $"PVC {claimName} is Bound to volume {claim.Spec?.VolumeName ?? "?"}", []);
        }

        var all = events.ToList();
        var claimEvents = Chronological(all.Where(e => Involves(e, "PersistentVolumeClaim", claimName)));
        var podName = pod?.Metadata.Name
            ?? all.Where(e => e.InvolvedObject?.Kind == "Pod" && e.InvolvedObject.Name is { } n && claimName.EndsWith("-" + n, StringComparison.Ordinal))
                .Select(e => e.InvolvedObject!.Name).FirstOrDefault();
        var podDeletedAt = pod?.Metadata.DeletionTimestamp is { } d ? d - TimeSpan.FromSeconds(pod.Metadata.DeletionGracePeriodSeconds ?? 0) : (DateTimeOffset?)null;
        var failures = Chronological(all.Where(e => podName is not null && Involves(e, "Pod", podName)
                && e.Reason == "FailedScheduling" && (podDeletedAt is null || When(e) < podDeletedAt)));
        var unschedulable = failures.FirstOrDefault();
        var volumeRefusal = failures.LastOrDefault(e => e.Message?.Contains(NoVolumeToBind, StringComparison.OrdinalIgnoreCase) == true);
        var lastFailure = claimEvents.LastOrDefault(e => e is { Type: "Warning", Reason: ProvisioningFailed });
        var failed = lastFailure is not null && !claimEvents.Any(e => e.Reason == "ProvisioningSucceeded" && When(e) >= When(lastFailure)) ? lastFailure : null;
        var lastWait = claimEvents.LastOrDefault(e => e.Reason == ExternalProvisioning);
        var externalWait = lastWait is not null && !claimEvents.Any(e => e.Reason == "ProvisioningSucceeded" && When(e) >= When(lastWait)) ? lastWait : null;
        var provisioner = storageClass?.Provisioner is { Length: > 0 } p ? $"the external provisioner {p}" : "its external provisioner";
        var waitsForConsumer = storageClass?.VolumeBindingMode is { } mode
            ? mode == WaitForFirstConsumer
            : claimEvents.Any(e => e.Reason is WaitForFirstConsumer or "WaitForPodScheduled");

        if (waitsForConsumer)
        {
            var podText = podName is null ? "its pod" : $"pod {podName}";
            if (volumeRefusal is not null)
            {
                return new(PendingCause.NoVolumeForFirstConsumer,
                    $"PVC {claimName} is Pending: {classText} provides no volume for {podText}: it binds only for a scheduled consumer (WaitForFirstConsumer) and the scheduler refused the pod because no node had a volume to bind ({Quote(volumeRefusal)})",
                    [.. claimEvents, volumeRefusal]);
            }

            if (failed is not null)
            {
                return new(PendingCause.ProvisioningFailed,
                    $"PVC {claimName} is Pending: {podText} was scheduled (WaitForFirstConsumer) and the provisioner of {classText} failed to create its volume ({Quote(failed)})",
                    [failed]);
            }

            if (externalWait is not null)
            {
                return new(PendingCause.WaitingForProvisioner, WaitingSentence(claimName, $"{podText} was scheduled (WaitForFirstConsumer) and ", provisioner, classText, externalWait), [externalWait]);
            }

            if (unschedulable is not null)
            {
                return new(PendingCause.FirstConsumerUnschedulable,
                    $"PVC {claimName} is Pending: {classText} binds only for a scheduled consumer (WaitForFirstConsumer) and {podText} cannot be scheduled ({Quote(unschedulable)})",
                    [.. claimEvents, unschedulable]);
            }

            var wait = claimEvents.LastOrDefault(e => e.Type == "Normal");
            return new(PendingCause.WaitingForFirstConsumer,
                $"PVC {claimName} is Pending as expected for {classText} (WaitForFirstConsumer): it binds once {podText} is scheduled{(wait is null ? "" : $" ({Quote(wait)})")}",
                claimEvents);
        }

        var warning = claimEvents.LastOrDefault(e => e.Type == "Warning");
        if (warning is not null)
        {
            var podText = unschedulable is null ? "" : $"; pod {podName} stays unscheduled";
            return new(PendingCause.NoMatchingVolume,
                $"PVC {claimName} is Pending: no PersistentVolume matches {classText} ({Quote(warning)}){podText}",
                unschedulable is null ? [warning] : [warning, unschedulable]);
        }

        if (externalWait is not null)
        {
            return new(PendingCause.WaitingForProvisioner, WaitingSentence(claimName, "", provisioner, classText, externalWait), [externalWait]);
        }

        return new(PendingCause.Unknown,
            $"PVC {claimName} is Pending for {classText} and no event says why yet{(unschedulable is null ? "" : $" ({Quote(unschedulable)})")}",
            unschedulable is null ? [] : [unschedulable]);
    }

    private static string WaitingSentence(string claimName, string scheduled, string provisioner, string classText, Corev1Event wait) =>
        $"PVC {claimName} is Pending: {scheduled}{provisioner} of {classText} has not created its volume yet ({Quote(wait)}); if that lasts, check that the provisioner runs and is registered";

    private static bool Involves(Corev1Event e, string kind, string name) =>
        e.InvolvedObject?.Kind == kind && e.InvolvedObject.Name == name;

    private static DateTimeOffset When(Corev1Event e) =>
        e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue;

    private static List<Corev1Event> Chronological(IEnumerable<Corev1Event> events) => [.. events.OrderBy(When)];

    private static string Quote(Corev1Event e)
    {
        var message = string.Join(' ', (e.Message ?? "").Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return $"event {e.Reason}: {message}";
    }
}
