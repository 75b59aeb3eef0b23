namespace ConformanceKit.Scenarios.Checks;

/// <summary>StatefulSet naming: the pods are exactly <c>&lt;set&gt;-0</c> .. <c>&lt;set&gt;-(N-1)</c>.</summary>
public static class Naming
{
    private const string Name = nameof(Naming);

    /// <summary>Checks a list of pod names against <paramref name="setName"/> and <paramref name="replicas"/>.</summary>
    public static CheckResult Check(IEnumerable<string> podNames, string setName, int replicas)
    {
        ArgumentNullException.ThrowIfNull(podNames);
        var names = podNames.ToList();
        var violations = new List<string>();
        var ordinals = new HashSet<int>();
        foreach (var pod in names)
        {
            if (Timeline.PodHistory.ParseOrdinal(pod, setName) is not { } ordinal)
            {
                violations.Add($"pod {pod} is not named {setName}-<ordinal>");
            }
            else if (ordinal >= replicas)
            {
                violations.Add($"pod {pod} has ordinal {ordinal}, outside 0..{replicas - 1}");
            }
            else if (!ordinals.Add(ordinal))
            {
                violations.Add($"two pods are named {pod}");
            }
        }

        violations.AddRange(Enumerable.Range(0, replicas).Where(i => !ordinals.Contains(i)).Select(i => $"no pod is named {setName}-{i}"));
        return CheckResult.From(Name, violations, $"the {replicas} pods are named {setName}-0..{setName}-{replicas - 1}",
            [$"pods: {string.Join(", ", names)}"]);
    }

    /// <summary>
    /// Checks the pods of the timeline that existed at <paramref name="at"/> (default: not gone at the end), keeping
    /// only those <paramref name="include"/> accepts (e.g. to leave out a DNS probe pod in the same namespace).
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, int replicas, DateTimeOffset? at = null,
        Func<Timeline.PodHistory, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var live = timeline.Pods
            .Where(p => include is null || include(p))
            .Where(p => at is null ? p.Gone is null : p.Created.Observed <= at && (p.Gone is null || p.Gone.Observed > at))
            .Select(p => p.Name);
        return Check(live, setName, replicas);
    }
}
