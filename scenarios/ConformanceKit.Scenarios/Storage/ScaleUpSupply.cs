using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Scale-up supply: after scaling from <c>from</c> to <c>to</c> replicas, each new ordinal's claim is created and
/// Bound and its pod becomes Ready, claims created in ordinal order and pods in OrderedReady order. A claim that
/// stays Pending (the class ran out) is explained by the Pending diagnosis.
/// </summary>
public static class ScaleUpSupply
{
    private const string Name = nameof(ScaleUpSupply);

    /// <summary>Per new ordinal: its PVC created → its pod Ready (server timestamps when both carry one).</summary>
    public static IReadOnlyList<LatencySample> Measure(Timeline.Timeline timeline, string template, string setName, string storageClass, int from, int to, DateTimeOffset scaledAt)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var samples = new List<LatencySample>();
        for (var i = from; i < to; i++)
        {
            if (NewClaim(timeline, template, setName, i, scaledAt) is { } claim && NewPod(timeline, setName, i, scaledAt)?.Ready is { } ready)
            {
                samples.Add(LatencySample.Between(StorageMetric.ScaleUpSupply, storageClass, claim.Name, claim.Created, ready, "new PVC created → its pod Ready"));
            }
        }

        return samples;
    }

    /// <summary>Checks the new ordinals [<paramref name="from"/>, <paramref name="to"/>) after the scale at <paramref name="scaledAt"/>.</summary>
    public static CheckResult Check(Timeline.Timeline timeline, string template, string setName, int from, int to, DateTimeOffset scaledAt, StorageClassProfile? storageClass = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var violations = new List<string>();
        var facts = new List<string>();
        ClaimHistory? previous = null;
        for (var i = from; i < to; i++)
        {
            var claimName = PerPodStorage.ClaimName(template, setName, i);
            var claim = NewClaim(timeline, template, setName, i, scaledAt);
            if (claim is null)
            {
                violations.Add($"no claim {claimName} was created after the scale to {to} at {scaledAt:HH:mm:ss.fff}");
                continue;
            }

            if (previous is not null && Instant.CompareInStream(claim.Created, previous.Created) < 0)
            {
                violations.Add($"claim {claimName} was created before {previous.Name}: not in ordinal order");
            }

            previous = claim;
            var pod = NewPod(timeline, setName, i, scaledAt);
            facts.Add($"{claimName}: created {claim.Created}, {claim.Phase ?? "no phase"}, volume {claim.VolumeName ?? "none"}; pod {pod?.Label ?? "none"} Ready {pod?.Ready?.ToString() ?? "never"}");
            if (claim.Phase != "Bound" && !claim.Phases.Any(p => p.Phase == "Bound"))
            {
                violations.Add($"claim {claimName} stayed {claim.Phase ?? "without a phase"}: {TimelinePending.Explain(timeline, claim, storageClass).Sentence}");
            }
            else if (pod?.Ready is null)
            {
                violations.Add($"{setName}-{i} {(pod is null ? "was never created" : "never became Ready")} after the scale to {to}");
            }
        }

        if (violations.Count == 0)
        {
            violations.AddRange(PodOrderViolations(timeline, setName, from, to, scaledAt));
        }

        return CheckResult.From(Name, violations,
            $"scaling {setName} from {from} to {to} created, bound and readied {PerPodStorage.ClaimName(template, setName, from)}..{to - 1} in ordinal order", facts);
    }

    /// <summary>OrderedReady: each new pod was created (pod watch order) after the ordinal below it was Ready.</summary>
    private static IEnumerable<string> PodOrderViolations(Timeline.Timeline timeline, string setName, int from, int to, DateTimeOffset scaledAt)
    {
        var below = timeline.PodsOf(setName).LastOrDefault(p => p.Ordinal == from - 1 && p.Created.Observed < scaledAt);
        for (var i = from; i < to; i++)
        {
            var pod = NewPod(timeline, setName, i, scaledAt)!;
            if (below?.Ready is { } ready && Instant.CompareInStream(pod.Created, ready) < 0)
            {
                yield return $"{pod.Label} was created at {pod.Created}, before {below.Label} became Ready at {ready}";
            }

            below = pod;
        }
    }

    private static ClaimHistory? NewClaim(Timeline.Timeline timeline, string template, string setName, int ordinal, DateTimeOffset scaledAt) =>
        timeline.Claims.FirstOrDefault(c => c.Name == PerPodStorage.ClaimName(template, setName, ordinal) && c.Created.Observed >= scaledAt);

    private static PodHistory? NewPod(Timeline.Timeline timeline, string setName, int ordinal, DateTimeOffset scaledAt) =>
        timeline.PodsOf(setName).FirstOrDefault(p => p.Ordinal == ordinal && p.Created.Observed >= scaledAt);
}
