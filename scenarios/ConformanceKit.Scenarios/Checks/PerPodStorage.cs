namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Per-pod storage: claims <c>&lt;tpl&gt;-&lt;set&gt;-&lt;i&gt;</c> are Bound, one per pod, to distinct volumes;
/// each live pod mounts its own claim; pod i reads its own marker and never pod j's.
/// </summary>
public static class PerPodStorage
{
    private const string Name = nameof(PerPodStorage);

    /// <summary>The claim name a StatefulSet gives ordinal <paramref name="ordinal"/> of template <paramref name="template"/>.</summary>
    public static string ClaimName(string template, string setName, int ordinal) => $"{template}-{setName}-{ordinal}";

    /// <summary>
    /// Checks the claims and live pods at the end of the timeline; markers (pod name → content) are compared when given.
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int replicas,
        IReadOnlyDictionary<string, string>? markersWritten = null, IReadOnlyDictionary<string, string>? markersRead = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        var volumeOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < replicas; i++)
        {
            var claimName = ClaimName(template, setName, i);
            var claims = timeline.Claims.Where(c => c.Name == claimName && c.Gone is null).ToList();
            if (claims.Count != 1)
            {
                violations.Add(claims.Count == 0 ? $"claim {claimName} does not exist" : $"{claims.Count} live claims are named {claimName}");
                continue;
            }

            var claim = claims[0];
            facts.Add($"{claimName}: {claim.Phase ?? "no phase"}, volume {claim.VolumeName ?? "none"}, class {claim.StorageClass ?? "default"}");
            if (claim.Phase != "Bound")
            {
                violations.Add($"claim {claimName} is {claim.Phase ?? "without a phase"}, not Bound");
            }
            else if (claim.VolumeName is { } volume && !volumeOwners.TryAdd(volume, claimName))
            {
                violations.Add($"claims {volumeOwners[volume]} and {claimName} are bound to the same volume {volume}");
            }

            var pod = timeline.PodsOf(setName).LastOrDefault(p => p.Ordinal == i && p.Gone is null);
            if (pod is null)
            {
                violations.Add($"no live pod {setName}-{i} mounts claim {claimName}");
            }
            else if (!pod.ClaimNames.Contains(claimName))
            {
                violations.Add($"{pod.Label} mounts claim(s) [{string.Join(", ", pod.ClaimNames)}], expected {claimName}");
            }
        }

        if (markersWritten is not null && markersRead is not null)
        {
            violations.AddRange(MarkerViolations(markersWritten, markersRead));
        }

        return CheckResult.From(Name, violations,
            $"{replicas} claims {ClaimName(template, setName, 0)}.. are Bound to distinct volumes, one per pod{(markersRead is null ? "" : ", and each pod reads only its own marker")}", facts);
    }

    /// <summary>Pod i must read exactly the marker written in pod i; reading pod j's marker is named as such.</summary>
    public static IReadOnlyList<string> MarkerViolations(IReadOnlyDictionary<string, string> written, IReadOnlyDictionary<string, string> read)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(read);
        var violations = new List<string>();
        foreach (var (pod, marker) in written.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!read.TryGetValue(pod, out var seen))
            {
                violations.Add($"{pod}'s marker was not read back");
                continue;
            }

            seen = seen.Trim();
            if (seen == marker.Trim())
            {
                continue;
            }

            var owner = written.FirstOrDefault(kv => kv.Key != pod && kv.Value.Trim() == seen).Key;
            violations.Add(owner is not null
                ? $"{pod} read {owner}'s marker '{seen}', expected its own '{marker.Trim()}'"
                : $"{pod} read marker '{seen}', expected '{marker.Trim()}'");
        }

        return violations;
    }
}
