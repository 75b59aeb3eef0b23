using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// persistentVolumeClaimRetentionPolicy: whenScaled / whenDeleted Delete removes the claims (of the scaled-away
/// ordinals, or all of them when the set is deleted), Retain keeps them. A deletion is placed before or after a step
/// only where the clocks agree: the observer's clock never runs before the real moment and the server's (truncated to
/// the second) never after it, so a deletion within the same second as the step counts neither way. A kept claim must
/// also not be owned by what goes (its pod on scale-down, the set on deletion): the garbage collector would take it.
/// </summary>
public static class RetentionPolicyCheck
{
    /// <summary>After scaling <paramref name="from"/> → <paramref name="to"/> at <paramref name="scaledAt"/> (judged until <paramref name="until"/>, or now).</summary>
    public static CheckResult WhenScaled(Timeline.Timeline timeline, string template, string setName, int from, int to, DateTimeOffset scaledAt, string policy, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var (i, name, claim) in ClaimsAt(timeline, template, setName, from, scaledAt, violations, facts, $"before the scale to {to}"))
        {
            var deleted = claim.TerminationRequested;
            if (i < to && deleted is not null && (until is null || DefinitelyBefore(deleted, until.Value)))
            {
                violations.Add($"claim {name} of the remaining {setName}-{i} was deleted at {deleted} after the scale to {to}");
            }
            else if (i >= to && policy == "Delete" && (deleted is null || (until is { } u && DefinitelyAfter(deleted, u))))
            {
                violations.Add(deleted is null
                    ? $"claim {name} of the scaled-away {setName}-{i} was not deleted (whenScaled=Delete)"
                    : $"claim {name} of the scaled-away {setName}-{i} was deleted only at {deleted}, after {until:HH:mm:ss.fff} (whenScaled=Delete)");
            }
            else if (i >= to && policy != "Delete" && deleted is not null && StepClock.NotBefore(deleted, scaledAt) && (until is null || DefinitelyBefore(deleted, until.Value)))
            {
                violations.Add($"claim {name} of the scaled-away {setName}-{i} was deleted at {deleted} although whenScaled={policy} keeps it");
            }
            else if (i >= to && policy != "Delete" && claim.Owners.FirstOrDefault(o => o == $"Pod/{setName}-{i}") is { } owner)
            {
                violations.Add(OwnedViolation(name, owner, $"whenScaled={policy}"));
            }
        }

        return CheckResult.From($"RetentionPolicy.WhenScaled({policy})", violations,
            policy == "Delete"
                ? $"scaling {setName} {from} -> {to} deleted the claims of ordinals {to}..{from - 1} and kept the others"
                : $"scaling {setName} {from} -> {to} kept every claim", facts);
    }

    /// <summary>After the set, at <paramref name="replicas"/> replicas, was deleted at <paramref name="deletedAt"/>: its claims are deleted (Delete) or kept.</summary>
    public static CheckResult WhenDeleted(Timeline.Timeline timeline, string template, string setName, int replicas, DateTimeOffset deletedAt, string policy, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var (_, name, claim) in ClaimsAt(timeline, template, setName, replicas, deletedAt, violations, facts, $"when {setName} was deleted at {deletedAt:HH:mm:ss.fff}"))
        {
            var deleted = claim.TerminationRequested;
            if (policy == "Delete" && (deleted is null || (until is { } u && DefinitelyAfter(deleted, u))))
            {
                violations.Add($"claim {name} was not deleted with {setName} (whenDeleted=Delete)");
            }
            else if (policy != "Delete" && deleted is not null && (until is null || DefinitelyBefore(deleted, until.Value)))
            {
                violations.Add($"claim {name} was deleted at {deleted} although whenDeleted={policy} keeps it");
            }
            else if (policy != "Delete" && claim.Owners.FirstOrDefault(o => o == $"StatefulSet/{setName}") is { } owner)
            {
                violations.Add(OwnedViolation(name, owner, $"whenDeleted={policy}"));
            }
        }

        return CheckResult.From($"RetentionPolicy.WhenDeleted({policy})", violations,
            $"deleting {setName} {(policy == "Delete" ? "deleted" : "kept")} its {replicas} claims", facts);
    }

    /// <summary>
    /// Retained claims come back: each of <paramref name="ordinals"/> keeps one claim (one UID, one volume, not deleted)
    /// from before <paramref name="releasedAt"/>, mounted by the ordinal's first pod created after <paramref name="remountedAt"/>.
    /// </summary>
    public static CheckResult Remounted(Timeline.Timeline timeline, string template, string setName, IReadOnlyList<int> ordinals, DateTimeOffset releasedAt, DateTimeOffset remountedAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(ordinals);
        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var i in ordinals)
        {
            var name = PerPodStorage.ClaimName(template, setName, i);
            var claims = timeline.Claims.Where(c => c.Name == name).ToList();
            var pod = timeline.PodsOf(setName).FirstOrDefault(p => p.Ordinal == i && p.Created.Observed >= remountedAt);
            facts.AddRange(claims.Select(Fact));
            violations.Add(
                claims.Count != 1 ? $"claim {name} was {(claims.Count == 0 ? "never seen" : $"re-created ({claims.Count} UIDs)")}"
                : claims[0].Created.Observed >= releasedAt ? $"claim {name} did not exist before {releasedAt:HH:mm:ss.fff}"
                : claims[0].TerminationRequested is { } d && d.Observed < (pod?.Created.Observed ?? DateTimeOffset.MaxValue) ? $"claim {name} was deleted at {d}, before it was mounted again"
                : claims[0].VolumeNames.Count != 1 ? $"claim {name} changed volume: {string.Join(" -> ", claims[0].VolumeNames)}"
                : pod is null ? $"no {setName}-{i} was created after {remountedAt:HH:mm:ss.fff}"
                : !pod.ClaimNames.Contains(name) ? $"{pod.Label} mounts [{string.Join(", ", pod.ClaimNames)}], expected the retained {name}"
                : "");
        }

        violations.RemoveAll(v => v.Length == 0);
        return CheckResult.From("RetentionPolicy.Remounted", violations,
            $"the retained claims of {setName}-{string.Join(", ", ordinals)} were mounted again, same UIDs and volumes", facts);
    }

    /// <summary>The last claim of each ordinal below <paramref name="count"/> created before <paramref name="at"/> (a fact each); a missing one is a violation.</summary>
    private static IEnumerable<(int Ordinal, string Name, ClaimHistory Claim)> ClaimsAt(
        Timeline.Timeline timeline, string template, string setName, int count, DateTimeOffset at, List<string> violations, List<string> facts, string when)
    {
        for (var i = 0; i < count; i++)
        {
            var name = PerPodStorage.ClaimName(template, setName, i);
            if (timeline.Claims.LastOrDefault(c => c.Name == name && c.Created.Observed < at) is { } claim)
            {
                facts.Add(Fact(claim));
                yield return (i, name, claim);
            }
            else
            {
                violations.Add($"claim {name} did not exist {when}");
            }
        }
    }

    /// <summary>A Retain claim must not be owned by what is deleted: the garbage collector would delete it along.</summary>
    private static string OwnedViolation(string claim, string owner, string policy) =>
        $"claim {claim} is owned by {owner}, so the garbage collector deletes it with its owner, although {policy} keeps it";

    private static bool DefinitelyBefore(Instant at, DateTimeOffset step) => StepClock.Before(at, step);

    private static bool DefinitelyAfter(Instant at, DateTimeOffset step) => StepClock.After(at, step);

    private static string Fact(ClaimHistory claim) =>
        $"{claim.Name} ({claim.Uid[..Math.Min(8, claim.Uid.Length)]}): volume {claim.VolumeName ?? "none"}, owners [{string.Join(", ", claim.Owners)}], deleted {claim.TerminationRequested?.ToString() ?? "never"}";
}
