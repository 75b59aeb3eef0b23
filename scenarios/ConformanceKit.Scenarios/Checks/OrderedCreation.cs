using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// OrderedReady creation: for i ≥ 1, pod i is created no earlier than pod i-1 became Ready. "Earlier" is judged by
/// the order the pod watch delivered the two facts (the API server's storage order), not by comparing the API
/// server's creationTimestamp with a kubelet's Ready stamp, whose clocks may differ.
/// </summary>
public static class OrderedCreation
{
    private const string Name = nameof(OrderedCreation);

    /// <summary>
    /// Checks the pods of <paramref name="setName"/> created in [<paramref name="from"/>, <paramref name="until"/>),
    /// wave by wave (the k-th incarnation of every ordinal forms wave k).
    /// </summary>
    public static CheckResult Check(Timeline.Timeline timeline, string setName, DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var pods = Waves.InWindow(timeline, setName, from, until);
        if (pods.Count == 0)
        {
            return CheckResult.Fail(Name, $"no pods of set {setName} were created in the window {from:O} .. {until:O}");
        }

        var violations = new List<string>();
        var facts = new List<string>();
        foreach (var wave in Waves.Split(pods))
        {
            foreach (var (ordinal, pod) in wave)
            {
                facts.Add($"{pod.Label} created {pod.Created}, Ready {pod.Ready?.ToString() ?? "never"}");
                if (ordinal == 0)
                {
                    continue;
                }

                if (!wave.TryGetValue(ordinal - 1, out var previous))
                {
                    violations.Add($"{pod.Label} was created at {pod.Created} but {setName}-{ordinal - 1} was not created before it");
                }
                else if (previous.Ready is null)
                {
                    violations.Add($"{pod.Label} was created at {pod.Created} while {previous.Label} never became Ready");
                }
                else if (Instant.CompareInStream(pod.Created, previous.Ready) < 0)
                {
                    violations.Add($"{pod.Label} was created at {pod.Created}, before {previous.Label} became Ready at {previous.Ready}");
                }
            }
        }

        var ordinals = pods.Select(p => p.Ordinal!.Value).Distinct();
        return CheckResult.From(Name, violations, $"{Waves.Range(setName, ordinals)} were each created only after the previous ordinal was Ready", facts);
    }

    /// <summary>
    /// The held variant: while pod <paramref name="heldOrdinal"/> is kept un-Ready (from its creation until
    /// <paramref name="releasedAt"/>), no higher ordinal is created and exactly heldOrdinal+1 pods of the set exist.
    /// </summary>
    public static CheckResult CheckHeld(Timeline.Timeline timeline, string setName, int heldOrdinal, DateTimeOffset releasedAt, DateTimeOffset? from = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        const string held = Name + ".Held";
        var pods = timeline.PodsOf(setName);
        var heldPod = pods.LastOrDefault(p => p.Ordinal == heldOrdinal && StepClock.Before(p.Created, releasedAt) && (from is null || StepClock.NotBefore(p.Created, from.Value)));
        if (heldPod is null)
        {
            return CheckResult.Fail(held, $"{setName}-{heldOrdinal} was never created before its release at {releasedAt:HH:mm:ss.fff}");
        }

        var violations = new List<string>();
        if (heldPod.Ready is { } ready && StepClock.Before(ready, releasedAt))
        {
            violations.Add($"{heldPod.Label} became Ready at {ready}, before it was released at {releasedAt:HH:mm:ss.fff}");
        }

        var heldUntil = heldPod.Ready is { } r && r.Observed > releasedAt ? r.Observed : releasedAt;
        foreach (var higher in pods.Where(p => p.Ordinal > heldOrdinal))
        {
            if (!higher.Created.IsBefore(heldPod.Created) && higher.Created.Observed < heldUntil)
            {
                violations.Add($"{higher.Label} was created at {higher.Created} while {heldPod.Label} was held un-Ready (until {heldUntil:HH:mm:ss.fff})");
            }
        }

        var existing = pods.Where(p => p.Created.Observed <= releasedAt && (p.Gone is null || p.Gone.Observed > releasedAt)).ToList();
        if (existing.Count != heldOrdinal + 1)
        {
            violations.Add($"{existing.Count} pods of {setName} existed at {releasedAt:HH:mm:ss.fff} while {setName}-{heldOrdinal} was held un-Ready, expected {heldOrdinal + 1}: {string.Join(", ", existing.Select(p => p.Label))}");
        }

        return CheckResult.From(held, violations, $"while {heldPod.Label} was held un-Ready the set kept {heldOrdinal + 1} pods");
    }
}
