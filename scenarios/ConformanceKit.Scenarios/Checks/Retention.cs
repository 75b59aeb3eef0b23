namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Retention: after the StatefulSet is deleted its claims stay Bound (same UID, same volume); the re-created set's
/// pods mount the same claims and read the old markers.
/// </summary>
public static class Retention
{
    private const string Name = nameof(Retention);

    /// <summary>
    /// Checks the claims across [<paramref name="setDeletedAt"/>, <paramref name="recreatedAt"/>] and the pods
    /// created after <paramref name="recreatedAt"/>. <paramref name="disruption"/> names what happened at
    /// setDeletedAt in the messages: the same holds for a scale to 0 and back (a "scale to 0").
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int replicas,
        DateTimeOffset setDeletedAt, DateTimeOffset recreatedAt,
        IReadOnlyDictionary<string, string>? markersWritten = null, IReadOnlyDictionary<string, string>? markersRead = null, string disruption = "set deletion")
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        for (var i = 0; i < replicas; i++)
        {
            var claimName = PerPodStorage.ClaimName(template, setName, i);
            var claims = timeline.Claims.Where(c => c.Name == claimName).ToList();
            if (claims.Count != 1)
            {
                violations.Add(claims.Count == 0
                    ? $"claim {claimName} was never seen"
                    : $"claim {claimName} was re-created (UIDs {string.Join(", ", claims.Select(c => c.Uid[..Math.Min(8, c.Uid.Length)]))})");
                continue;
            }

            var claim = claims[0];
            facts.Add($"{claimName}: volume(s) {string.Join(" -> ", claim.VolumeNames)}, phase at re-creation {claim.PhaseAt(recreatedAt) ?? "unknown"}");
            if (claim.TerminationRequested is { } t && StepClock.Before(t, recreatedAt))
            {
                violations.Add($"claim {claimName} was deleted at {t}, after the {disruption} at {setDeletedAt:HH:mm:ss.fff}");
            }
            else if (claim.PhaseAt(setDeletedAt) != "Bound" || claim.PhaseAt(recreatedAt) != "Bound")
            {
                violations.Add($"claim {claimName} was {claim.PhaseAt(recreatedAt) ?? "not seen"} at {recreatedAt:HH:mm:ss.fff}, expected it to stay Bound after the {disruption}");
            }
            else if (claim.VolumeNames.Count != 1)
            {
                violations.Add($"claim {claimName} changed volume: {string.Join(" -> ", claim.VolumeNames)}");
            }

            var pod = timeline.PodsOf(setName).FirstOrDefault(p => p.Ordinal == i && StepClock.NotBefore(p.Created, recreatedAt));
            if (pod is null)
            {
                violations.Add($"no {setName}-{i} was created after the {disruption} was undone at {recreatedAt:HH:mm:ss.fff}");
            }
            else if (!pod.ClaimNames.Contains(claimName))
            {
                violations.Add($"re-created {pod.Label} mounts [{string.Join(", ", pod.ClaimNames)}], expected the retained {claimName}");
            }
        }

        if (markersWritten is not null && markersRead is not null)
        {
            violations.AddRange(PerPodStorage.MarkerViolations(markersWritten, markersRead));
        }

        return CheckResult.From(Name, violations,
            $"the {replicas} claims stayed Bound to the same volumes after the {disruption} and were mounted again by the re-created pods", facts);
    }
}
