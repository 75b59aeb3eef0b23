using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>Splits a set's pods into waves: the k-th incarnation of every ordinal within a time window.</summary>
internal static class Waves
{
    // Windows are bounded by step marks; StepClock places a creation against them.
    public static IReadOnlyList<PodHistory> InWindow(Timeline.Timeline timeline, string setName, DateTimeOffset? from, DateTimeOffset? until) =>
        timeline.PodsOf(setName)
            .Where(p => (from is null || StepClock.NotBefore(p.Created, from.Value)) && (until is null || StepClock.Before(p.Created, until.Value)))
            .ToList();

    public static IReadOnlyList<SortedDictionary<int, PodHistory>> Split(IReadOnlyList<PodHistory> pods)
    {
        var waves = new List<SortedDictionary<int, PodHistory>>();
        foreach (var group in pods.Where(p => p.Ordinal is not null).GroupBy(p => p.Ordinal!.Value))
        {
            var incarnations = group.ToList();
            incarnations.Sort((a, b) => Instant.Compare(a.Created, b.Created));
            for (var k = 0; k < incarnations.Count; k++)
            {
                while (waves.Count <= k)
                {
                    waves.Add([]);
                }

                waves[k][group.Key] = incarnations[k];
            }
        }

        return waves;
    }

    public static string Range(string setName, IEnumerable<int> ordinals)
    {
        var list = ordinals.Order().ToList();
        return list.Count switch
        {
            0 => $"no {setName} pods",
            1 => $"{setName}-{list[0]}",
            _ => $"{setName}-{list[0]}..{setName}-{list[^1]}",
        };
    }
}
