using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>The mutable history of one ControllerRevision UID while watch events arrive.</summary>
internal sealed class ControllerRevisionState(string uid, string name, Instant created)
{
    private readonly List<RevisionNumber> numbers = [];
    private string? hash;
    private string? owner;
    private Instant? gone;

    public void Apply(V1ControllerRevision revision, WatchEventType type, DateTimeOffset observed, long sequence)
    {
        hash = revision.Metadata.Label("controller.kubernetes.io/hash") ?? hash;
        owner = revision.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true)?.Name ?? owner;
        if (revision.Revision is { } number && (numbers.Count == 0 || numbers[^1].Number != number))
        {
            numbers.Add(new RevisionNumber(number, new Instant(null, observed, sequence)));
        }

        if (type == WatchEventType.Deleted)
        {
            gone ??= new Instant(null, observed, sequence);
        }
    }

    public ControllerRevisionHistory ToHistory() => new()
    {
        Name = name,
        Uid = uid,
        Created = created,
        Hash = hash,
        Owner = owner,
        Numbers = [.. numbers],
        Gone = gone,
    };
}
