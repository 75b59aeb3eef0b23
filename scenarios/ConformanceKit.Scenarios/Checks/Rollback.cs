using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Rollback: reverting the template to an earlier one makes the controller reuse that template's ControllerRevision
/// (same name and hash, same UID) with its revision number bumped above the newer one's, and the pods roll back in
/// reverse ordinal order like any rolling update.
/// </summary>
public static class Rollback
{
    private const string Name = nameof(Rollback);

    /// <summary>
    /// Checks a set updated at <paramref name="updatedAt"/> and reverted at <paramref name="rolledBackAt"/> (observer's
    /// clock, like steps): the revision the pods had before the update is the original; the one they had before the
    /// revert is the rolled-back-from revision; the set's latest status must name the original as update revision.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, DateTimeOffset updatedAt, DateTimeOffset rolledBackAt,
        DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var pods = timeline.PodsOf(setName);
        var original = OneRevision(pods, replicas, updatedAt);
        var from = OneRevision(pods, replicas, rolledBackAt);
        if (original is null || from is null || original == from)
        {
            return CheckResult.Fail(Name,
                $"{setName}'s pods did not carry one original revision before the update and one other before the rollback (found {original ?? "mixed or none"}, then {from ?? "mixed or none"})");
        }

        var violations = new List<string>();
        var facts = new List<string> { $"original revision {original}, rolled back from {from}" };
        var end = timeline.StatefulSet(setName)?.Last;
        if (end?.UpdateRevision != original)
        {
            violations.Add($"after the rollback {setName}'s update revision is {end?.UpdateRevision ?? "unknown"}, not the original {original}: the earlier ControllerRevision was not reused");
        }

        var revisions = timeline.RevisionsOf(setName);
        var reused = revisions.Where(r => r.Name == original).ToList();
        var newer = revisions.LastOrDefault(r => r.Name == from);
        facts.AddRange(revisions.Select(r => $"ControllerRevision {r.Name} uid {r.Uid} hash {r.Hash ?? "none"} numbers {string.Join(" -> ", r.Numbers.Select(n => n.Number))}"));
        if (reused.Count != 1)
        {
            violations.Add(reused.Count == 0
                ? $"ControllerRevision {original} was never observed"
                : $"ControllerRevision {original} was re-created rather than reused (UIDs {string.Join(", ", reused.Select(r => r.Uid))})");
        }
        else if (newer?.Number is not { } newerNumber || reused[0].Number is not { } number || number <= newerNumber)
        {
            violations.Add($"ControllerRevision {original} has revision number {reused[0].Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, " +
                $"not above {from}'s {newer?.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: the reused revision was not bumped");
        }

        var order = RollingUpdateOrder.Check(timeline, setName, replicas, rolledBackAt, until);
        if (!order.Passed)
        {
            violations.Add($"the rollback did not roll as a rolling update: {order.Message}");
        }

        var kept = reused.Count == 1 ? reused[0] : null;
        return CheckResult.From(Name, violations,
            $"reverting reused ControllerRevision {original} (hash {kept?.Hash ?? "?"}, same UID), its number bumped " +
            $"{string.Join(" -> ", kept?.Numbers.Select(n => n.Number) ?? [])} above {from}'s {newer?.Number}; {order.Message}", facts);
    }

    // The one revision every ordinal's pod carried at `at`; null when they differ or one has none.
    private static string? OneRevision(IReadOnlyList<PodHistory> pods, int replicas, DateTimeOffset at)
    {
        var revisions = Enumerable.Range(0, replicas).Select(o => UpdateRoll.Before(pods, o, at)?.Revision).Distinct().ToList();
        return revisions is [{ } only] ? only : null;
    }
}
