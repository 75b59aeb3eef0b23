using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Re-attach after a pod deletion: the deleted pod is gone, a replacement of the same name (new UID) starts its
/// container on the same claim (one claim UID, never deleted), and the claim names the same volume before and after.
/// </summary>
public static class ReattachCheck
{
    private const string Name = "Reattach";

    /// <summary>
    /// Checks ordinal <paramref name="ordinal"/> of <paramref name="setName"/> deleted at <paramref name="deletedAt"/>;
    /// with <paramref name="forced"/> the deletion must also have been a force deletion (grace period 0).
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int ordinal, DateTimeOffset deletedAt, bool forced)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var podName = $"{setName}-{ordinal}";
        var claimName = Checks.PerPodStorage.ClaimName(template, setName, ordinal);
        var pods = timeline.PodsOf(setName).Where(p => p.Ordinal == ordinal).ToList();
        var old = pods.LastOrDefault(p => p.Created.Observed < deletedAt);
        var facts = new List<string>();
        var violation = old is null ? $"{podName} did not exist before the deletion at {deletedAt:HH:mm:ss.fff}" : OldPodViolation(old, forced);
        PodHistory? fresh = null;
        if (violation is null)
        {
            fresh = pods.FirstOrDefault(p => p.Uid != old!.Uid && Instant.CompareInStream(p.Created, old.Gone!) > 0);
            violation = fresh is null ? $"{old!.Label} was not replaced after it was gone at {old.Gone}" : FreshPodViolation(old!, fresh, claimName);
        }

        if (violation is null)
        {
            violation = ClaimViolation(timeline, claimName, fresh!, facts);
            facts.Insert(0, $"{podName}: {old!.ShortUid} gone {old.Gone} (grace {ReattachLatency.FirstGracePeriod(old)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) -> {fresh!.ShortUid} container started {fresh.Running}");
        }

        return CheckResult.From(Name, violation is null ? [] : [violation],
            $"{podName} came back after its {(forced ? "force " : "")}deletion as a new pod that started on the same claim {claimName} and the same volume", facts);
    }

    private static string? OldPodViolation(PodHistory old, bool forced)
    {
        if (old.TerminationRequested is null || old.Gone is null)
        {
            return $"{old.Label} was {(old.TerminationRequested is null ? "never deleted" : "never gone")}";
        }

        var grace = ReattachLatency.FirstGracePeriod(old);
        return forced && grace != 0
            ? $"{old.Label} was deleted with grace period {grace?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, expected a force deletion (0)"
            : null;
    }

    private static string? FreshPodViolation(PodHistory old, PodHistory fresh, string claimName)
    {
        if (fresh.Running is null)
        {
            return $"the replacement {fresh.Label} never started its container";
        }

        return old.ClaimNames.Contains(claimName) && fresh.ClaimNames.Contains(claimName)
            ? null
            : $"{old.Label} mounted [{string.Join(", ", old.ClaimNames)}] and its replacement {fresh.Label} mounts [{string.Join(", ", fresh.ClaimNames)}], expected {claimName} in both";
    }

    private static string? ClaimViolation(Timeline.Timeline timeline, string claimName, PodHistory fresh, List<string> facts)
    {
        var claims = timeline.Claims.Where(c => c.Name == claimName).ToList();
        if (claims.Count != 1)
        {
            return claims.Count == 0
                ? $"claim {claimName} was never seen"
                : $"claim {claimName} was re-created (UIDs {string.Join(", ", claims.Select(c => c.Uid[..Math.Min(8, c.Uid.Length)]))})";
        }

        var claim = claims[0];
        facts.Add($"{claimName}: volume(s) {string.Join(" -> ", claim.VolumeNames)}");
        if (claim.TerminationRequested is { } deleted && deleted.Observed <= fresh.Running!.Observed)
        {
            return $"claim {claimName} was deleted at {deleted}, before the replacement {fresh.Label} started";
        }

        return claim.VolumeNames.Count == 1 ? null : $"claim {claimName} changed volume: {string.Join(" -> ", claim.VolumeNames)}";
    }
}
