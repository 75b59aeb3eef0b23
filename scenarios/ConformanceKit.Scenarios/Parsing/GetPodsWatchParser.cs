using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Parsing;

/// <summary>
/// Parses <c>kubectl get pods -w</c> output into a timeline holding only the ordering facts the lines support.
/// AGE is relative to each pod's own creation, so it is never read as a shared clock: line order is observation
/// order, every instant has no server time, and its observer time is <c>origin + line index</c> milliseconds
/// (synthetic: only the order means something). A pod is first seen (created) on its first line, scheduled on its
/// first ContainerCreating/Running line, Running on its first Running line, Ready when READY shows n/n.
/// A line whose AGE is lower than the same pod's previous AGE, or that follows its Terminating line, starts a new
/// incarnation.
/// </summary>
public static class GetPodsWatchParser
{
    /// <summary>Parses the watch text; <paramref name="origin"/> anchors the synthetic observer clock.</summary>
    public static Timeline.Timeline Parse(string text, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = origin ?? DateTimeOffset.UnixEpoch;
        var pods = new List<WatchLinePod>();
        var current = new Dictionary<string, WatchLinePod>(StringComparer.Ordinal);
        var index = 0;
        foreach (var raw in text.Split('\n'))
        {
            var cols = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 5 || cols[0] == "NAME" || !cols[1].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            index++;
            var at = new Instant(null, start.AddMilliseconds(index), index);
            var age = ParseAge(cols[^1]);
            if (!current.TryGetValue(cols[0], out var pod) || pod.Ends(age, cols[2]))
            {
                pod = new WatchLinePod(cols[0], pods.Count(p => p.Name == cols[0]), at);
                pods.Add(pod);
                current[cols[0]] = pod;
            }

            pod.Apply(cols[1], cols[2], age, at);
        }

        return new Timeline.Timeline { Pods = pods.Select(p => p.ToHistory()).ToList() };
    }

    /// <summary>Parses a kubectl AGE such as <c>0s</c>, <c>2m3s</c>, <c>14m</c>, <c>3h5m</c>, <c>2d</c>; null if not one.</summary>
    public static TimeSpan? ParseAge(string age)
    {
        ArgumentNullException.ThrowIfNull(age);
        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in age)
        {
            if (char.IsAsciiDigit(c))
            {
                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }

            TimeSpan? unit = c switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                'y' => TimeSpan.FromDays(365),
                _ => null,
            };
            if (unit is null || digits == 0)
            {
                return null;
            }

            total += unit.Value * number;
            number = 0;
            digits = 0;
        }

        return digits == 0 && age.Length > 0 ? total : null;
    }
}
