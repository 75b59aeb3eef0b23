using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>The mutable history of one claim UID while watch events arrive.</summary>
internal sealed class ClaimState(string uid, string name, Instant created)
{
    private readonly List<PhaseChange> phases = [];
    private readonly List<string> volumeNames = [];
    private readonly List<string> owners = [];
    private Instant? nodeSelected;
    private string? storageClass;
    private Instant? terminationRequested;
    private Instant? gone;

    public void Apply(V1PersistentVolumeClaim claim, WatchEventType type, DateTimeOffset observed, long sequence)
    {
        storageClass = claim.Spec?.StorageClassName ?? storageClass;
        if (claim.Status?.Phase is { } phase && (phases.Count == 0 || phases[^1].Phase != phase))
        {
            phases.Add(new PhaseChange(phase, new Instant(null, observed, sequence)));
        }

        if (claim.Spec?.VolumeName is { Length: > 0 } volume && (volumeNames.Count == 0 || volumeNames[^1] != volume))
        {
            volumeNames.Add(volume);
        }

        foreach (var owner in (claim.Metadata.OwnerReferences ?? []).Select(o => $"{o.Kind}/{o.Name}").Where(o => !owners.Contains(o)))
        {
            owners.Add(owner);
        }

        if (nodeSelected is null && claim.Metadata.Annotations?.ContainsKey(ClaimHistory.SelectedNodeAnnotation) == true)
        {
            nodeSelected = new Instant(null, observed, sequence);
        }

        if (claim.Metadata.DeletionTimestamp is { } stamp)
        {
            terminationRequested ??= new Instant(stamp, observed, sequence);
        }

        if (type == WatchEventType.Deleted)
        {
            gone ??= new Instant(null, observed, sequence);
        }
    }

    public ClaimHistory ToHistory() => new()
    {
        Name = name,
        Uid = uid,
        Created = created,
        StorageClass = storageClass,
        Phases = [.. phases],
        VolumeNames = [.. volumeNames],
        Owners = [.. owners],
        NodeSelected = nodeSelected,
        TerminationRequested = terminationRequested,
        Gone = gone,
    };
}
