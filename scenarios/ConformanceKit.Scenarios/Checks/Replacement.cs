using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Replacement after deleting all pods by label: the same names come back with new UIDs, in order 0, 1, 2 (the new
/// pod 0 may appear while the old higher ordinals are still terminating); IPs may change and are reported. A set whose
/// podManagementPolicy is Parallel re-creates its pods together: there the order is not judged (the ordering promises
/// are, and fail naming the policy), only the names and new UIDs.
/// </summary>
public static class Replacement
{
    private const string Name = nameof(Replacement);

    /// <summary>
    /// Compares, per ordinal, the last pod created before <paramref name="deletedAt"/> with the first created in
    /// [<paramref name="deletedAt"/>, <paramref name="until"/>) (step marks on the observer's clock; see <see cref="StepClock"/>);
    /// the order is judged unless <paramref name="podManagementPolicy"/> is Parallel (null or empty means OrderedReady).
    /// </summary>
    /// <exception cref="ArgumentException">The policy is not one the API knows: the harness cannot judge it.</exception>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, DateTimeOffset deletedAt, DateTimeOffset? until = null,
        string? podManagementPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var ordered = podManagementPolicy switch
        {
            null or "" or "OrderedReady" => true,
            "Parallel" => false,
            _ => throw new ArgumentException($"podManagementPolicy {podManagementPolicy} of {setName} is not one the API knows (OrderedReady, Parallel)", nameof(podManagementPolicy)),
        };
        var pods = timeline.PodsOf(setName);
        var violations = new List<string>();
        var facts = new List<string>();
        for (var i = 0; i < replicas; i++)
        {
            var old = pods.LastOrDefault(p => p.Ordinal == i && StepClock.Before(p.Created, deletedAt));
            var fresh = pods.FirstOrDefault(p => p.Ordinal == i && StepClock.InWindow(p.Created, deletedAt, until));
            if (old is null || fresh is null)
            {
                violations.Add(old is null
                    ? $"{setName}-{i} did not exist before the deletion at {deletedAt:HH:mm:ss.fff}"
                    : $"{old.Label} was not replaced after the deletion at {deletedAt:HH:mm:ss.fff}");
                continue;
            }

            facts.Add($"{setName}-{i}: uid {old.ShortUid} -> {fresh.ShortUid}, IP {old.CurrentIp ?? "none"} -> {fresh.CurrentIp ?? "none"}, new pod created {fresh.Created}");
            if (old.Uid == fresh.Uid)
            {
                violations.Add($"{fresh.Label} kept its UID after the deletion at {deletedAt:HH:mm:ss.fff}");
            }
            else if (old.Gone is null)
            {
                violations.Add($"{fresh.Label} was created at {fresh.Created} while {old.Label} was never gone");
            }
            else if (fresh.Created.IsBefore(old.Gone))
            {
                violations.Add($"{fresh.Label} was created at {fresh.Created}, before the old {old.Label} was gone at {old.Gone}");
            }

            var stillTerminating = pods.Where(p => p.Ordinal > i && StepClock.Before(p.Created, deletedAt) && p.Gone is { } g && fresh.Created.IsBefore(g)).ToList();
            if (stillTerminating.Count > 0)
            {
                facts.Add($"new {setName}-{i} appeared while old {string.Join(", ", stillTerminating.Select(p => p.Label))} were still terminating");
            }
        }

        var order = OrderedCreation.Check(timeline, setName, deletedAt, until);
        if (ordered && !order.Passed)
        {
            violations.Add($"replacements were not created in order: {order.Message}");
        }

        var ips = string.Join(", ", facts.Where(f => f.Contains("IP", StringComparison.Ordinal)).Select(f => f[..f.IndexOf(", new pod", StringComparison.Ordinal)]));
        return CheckResult.From(Name, violations, ordered
            ? $"{setName}-0..{setName}-{replicas - 1} came back with the same names and new UIDs, in order ({ips})"
            : $"{setName}-0..{setName}-{replicas - 1} came back with the same names and new UIDs ({ips}); the order is not judged: podManagementPolicy Parallel re-creates the pods together",
            facts);
    }
}
