using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// What the update checks share: the pod each ordinal had when the template changed, what replaced it, and whether
/// the replacements went from the highest ordinal down, each deletion only once the pod above was Running and Ready at
/// the update revision. Order is judged by the pod watch's stream order (<see cref="Instant.CompareInStream"/>);
/// windows are bounded by step marks, facts placed against them by <see cref="StepClock"/>.
/// </summary>
internal static class UpdateRoll
{
    /// <summary>Orders instants by the stream that delivered them (<see cref="Instant.CompareInStream"/>).</summary>
    public static readonly Comparer<Instant> InStream = Comparer<Instant>.Create(Instant.CompareInStream);

    /// <summary>The incarnation of <paramref name="ordinal"/> that existed at <paramref name="at"/>: the last one certainly created before it.</summary>
    public static PodHistory? Before(IReadOnlyList<PodHistory> pods, int ordinal, DateTimeOffset at) =>
        pods.LastOrDefault(p => p.Ordinal == ordinal && StepClock.Before(p.Created, at));

    /// <summary>True when <paramref name="instant"/> falls in [<paramref name="from"/>, <paramref name="until"/>) (see <see cref="StepClock.InWindow"/>).</summary>
    public static bool InWindow(Instant? instant, DateTimeOffset from, DateTimeOffset? until) => StepClock.InWindow(instant, from, until);

    /// <summary>True when, just before <paramref name="at"/> in stream order, the pod was Running, Ready and not terminating.</summary>
    public static bool ReadyBefore(PodHistory pod, Instant at)
    {
        if (pod.Running is not { } running || Instant.CompareInStream(running, at) >= 0)
        {
            return false;
        }

        if (pod.TerminationRequested is { } term && Instant.CompareInStream(term, at) < 0)
        {
            return false;
        }

        return pod.ReadyTransitions.LastOrDefault(r => Instant.CompareInStream(r.At, at) < 0)?.Ready == true;
    }

    /// <summary>The first incarnation of the pod's ordinal created after <paramref name="old"/>'s deletion was requested.</summary>
    public static PodHistory? ReplacementOf(IReadOnlyList<PodHistory> pods, PodHistory old) =>
        old.TerminationRequested is not { } term
            ? null
            : pods.Where(p => p.Ordinal == old.Ordinal && p.Uid != old.Uid && Instant.CompareInStream(p.Created, term) > 0)
                .OrderBy(p => p.Created, InStream).FirstOrDefault();

    /// <summary>
    /// Checks ordinals [<paramref name="lowest"/>, <paramref name="replicas"/>) after a template change at
    /// <paramref name="changedAt"/>: each pod not yet at <paramref name="updateRevision"/> is deleted in the window and
    /// replaced by one at it; pods already at it are left alone; deletions go highest ordinal first, and pod i's only once
    /// pod i+1 is Running and Ready at the update revision. Returns the replaced pods in deletion order.
    /// </summary>
    public static IReadOnlyList<PodHistory> Check(
        IReadOnlyList<PodHistory> pods, string setName, int replicas, int lowest, string updateRevision,
        DateTimeOffset changedAt, DateTimeOffset? until, List<string> violations, List<string> facts)
    {
        var replaced = new List<PodHistory>();
        var other = new List<string>();
        for (var ordinal = replicas - 1; ordinal >= lowest; ordinal--)
        {
            var old = Before(pods, ordinal, changedAt);
            if (old is null)
            {
                other.Add($"{setName}-{ordinal} did not exist when the template changed at {changedAt:HH:mm:ss.fff}");
                continue;
            }

            var deleted = InWindow(old.TerminationRequested, changedAt, until);
            if (old.Revision == updateRevision)
            {
                facts.Add($"{old.Label} already carried {updateRevision} and was {(deleted ? "deleted" : "left alone")}");
                if (deleted)
                {
                    other.Add($"{old.Label} already carried the update revision {updateRevision} but was deleted at {old.TerminationRequested}");
                }

                continue;
            }

            if (!deleted)
            {
                other.Add($"{old.Label} at revision {old.Revision ?? "none"} was never replaced by a pod at the update revision {updateRevision}");
                continue;
            }

            var fresh = ReplacementOf(pods, old);
            facts.Add($"{old.Label} at {old.Revision ?? "no revision"} deleted {old.TerminationRequested}; replaced by " +
                (fresh is null ? "nothing" : $"{fresh.Label} at {fresh.Revision ?? "no revision"}, Ready {fresh.Ready?.ToString() ?? "never"}"));
            if (fresh is null)
            {
                other.Add($"{old.Label} was deleted at {old.TerminationRequested} but no new {setName}-{ordinal} appeared");
            }
            else if (fresh.Revision != updateRevision)
            {
                other.Add($"{fresh.Label} replaced {old.Label} at revision {fresh.Revision ?? "none"}, not the update revision {updateRevision}");
            }

            replaced.Add(old);
        }

        var byDeletion = replaced.OrderBy(p => p.TerminationRequested!, InStream).ToList();
        for (var i = 1; i < byDeletion.Count; i++)
        {
            if (byDeletion[i].Ordinal > byDeletion[i - 1].Ordinal)
            {
                violations.Add($"{byDeletion[i - 1].Label} was deleted at {byDeletion[i - 1].TerminationRequested}, before {byDeletion[i].Label} " +
                    $"at {byDeletion[i].TerminationRequested}: the update did not go from the highest ordinal down");
            }
        }

        foreach (var old in byDeletion.Where(p => p.Ordinal + 1 < replicas))
        {
            var term = old.TerminationRequested!;
            var above = pods.Where(p => p.Ordinal == old.Ordinal + 1 && Instant.CompareInStream(p.Created, term) < 0).ToList();
            if (!above.Any(p => p.Revision == updateRevision && ReadyBefore(p, term)))
            {
                var state = above.Count == 0 ? "none existed" : $"{above[^1].Label} at {above[^1].Revision ?? "no revision"} was {(ReadyBefore(above[^1], term) ? "Ready" : "not Ready")}";
                violations.Add($"{old.Label} was deleted at {term} while {setName}-{old.Ordinal + 1} was not Running and Ready at the update revision {updateRevision} ({state})");
            }
        }

        violations.AddRange(other);
        return byDeletion;
    }

    /// <summary>The pods' names in order, e.g. <c>web-2, web-1, web-0</c>.</summary>
    public static string Names(IEnumerable<PodHistory> pods) => string.Join(", ", pods.Select(p => p.Name));
}
