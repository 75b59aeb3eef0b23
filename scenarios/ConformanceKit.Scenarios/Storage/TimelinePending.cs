using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>Runs the <see cref="PendingDiagnosis"/> on what a timeline holds (the claim's last state and the namespace's events).</summary>
public static class TimelinePending
{
    /// <summary>Explains why <paramref name="claim"/> is Pending; <paramref name="storageClass"/> gives the binding mode when known.</summary>
    public static PendingExplanation Explain(Timeline.Timeline timeline, ClaimHistory claim, StorageClassProfile? storageClass)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(claim);
        var model = new V1PersistentVolumeClaim
        {
            Metadata = new() { Name = claim.Name, Uid = claim.Uid },
            Spec = new() { StorageClassName = claim.StorageClass ?? storageClass?.Name, VolumeName = claim.VolumeName },
            Status = new() { Phase = claim.Phase },
        };
        return PendingDiagnosis.Explain(model, timeline.Events.Select(ToEvent), storageClass?.ToStorageClass());
    }

    private static Corev1Event ToEvent(TimelineEvent e) => new()
    {
        InvolvedObject = new() { Kind = e.InvolvedKind, Name = e.InvolvedName },
        Type = e.Type,
        Reason = e.Reason,
        Message = e.Message,
        Count = e.Count,
        LastTimestamp = (e.At.Server ?? e.At.Observed).UtcDateTime,
    };
}
