using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Explains a Pending claim in one sentence from its events, its pod's events and the class's binding mode.
/// Relies on event reasons and types, with one exception: the scheduler says only in a FailedScheduling message that
/// no node had a volume to bind for a WaitForFirstConsumer claim (<see cref="NoVolumeToBind"/>). Other messages are only quoted.
/// </summary>
public static class PendingDiagnosis
{
    private const string WaitForFirstConsumer = "WaitForFirstConsumer";

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

        return new(PendingCause.Unknown,
            $"PVC {claimName} is Pending for {classText} and no event says why yet{(unschedulable is null ? "" : $" ({Quote(unschedulable)})")}",
            unschedulable is null ? [] : [unschedulable]);
    }

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
