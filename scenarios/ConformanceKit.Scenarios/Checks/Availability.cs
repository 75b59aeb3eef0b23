using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>Replays a set's pod facts in stream order and counts the ordinals that are unavailable after each.</summary>
internal static class Availability
{
    private enum Fact
    {
        Created,
        Ready,
        Unready,
        Terminating,
        Gone,
    }

    /// <summary>
    /// The most ordinals of [0, <paramref name="replicas"/>) unavailable at once (no pod, not Ready, or terminating)
    /// after any fact observed in the window, when that was first reached, and which pods it was.
    /// </summary>
    public static (int Peak, Instant? At, string Which) Peak(IReadOnlyList<PodHistory> pods, string setName, int replicas, DateTimeOffset from, DateTimeOffset? until)
    {
        var facts = pods.SelectMany(Facts).OrderBy(f => f.At, UpdateRoll.InStream).ToList();
        var current = new Dictionary<int, (PodHistory Pod, bool Ready, bool Terminating)>();
        var (peak, at, which) = (0, (Instant?)null, "");
        foreach (var (instant, pod, fact) in facts)
        {
            var ordinal = pod.Ordinal!.Value;
            var held = current.TryGetValue(ordinal, out var slot) && slot.Pod.Uid == pod.Uid;
            switch (fact)
            {
                case Fact.Created:
                    current[ordinal] = (pod, false, false);
                    break;
                case Fact.Gone when held:
                    current.Remove(ordinal);
                    break;
                case Fact.Ready or Fact.Unready when held:
                    current[ordinal] = slot with { Ready = fact == Fact.Ready };
                    break;
                case Fact.Terminating when held:
                    current[ordinal] = slot with { Terminating = true };
                    break;
            }

            if (!StepClock.InWindow(instant, from, until))
            {
                continue;
            }

            var down = Enumerable.Range(0, replicas)
                .Where(o => !current.TryGetValue(o, out var s) || !s.Ready || s.Terminating)
                .ToList();
            if (down.Count > peak)
            {
                (peak, at) = (down.Count, instant);
                which = string.Join(", ", down.Select(o => current.TryGetValue(o, out var s)
                    ? $"{s.Pod.Label} {(s.Terminating ? "terminating" : "not Ready")}"
                    : $"{setName}-{o} absent"));
            }
        }

        return (peak, at, which);
    }

    private static IEnumerable<(Instant At, PodHistory Pod, Fact Fact)> Facts(PodHistory pod)
    {
        if (pod.Ordinal is null)
        {
            yield break;
        }

        yield return (pod.Created, pod, Fact.Created);
        foreach (var transition in pod.ReadyTransitions)
        {
            yield return (transition.At, pod, transition.Ready ? Fact.Ready : Fact.Unready);
        }

        if (pod.TerminationRequested is { } term)
        {
            yield return (term, pod, Fact.Terminating);
        }

        if (pod.Gone is { } gone)
        {
            yield return (gone, pod, Fact.Gone);
        }
    }
}
