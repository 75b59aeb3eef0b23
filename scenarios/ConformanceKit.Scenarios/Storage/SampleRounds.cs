namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// How a disruptive storage measurement reaches <c>--samples</c> samples per class: rounds over ordinals 1..width of
/// one set (ordinal 0 is never disrupted: it is the negative control), each round disrupting its pods at once (they are
/// independent: Parallel pod management re-creates them together), the next round starting once the last one's pods
/// are back. A set of <c>width + 1</c> replicas; the last round takes only the samples still missing.
/// </summary>
public static class SampleRounds
{
    /// <summary>How many pods a deletion round disrupts at once by default: a single node attaches five volumes at a time without the queue dominating.</summary>
    public const int DefaultWidth = 5;

    /// <summary>The ordinals of each round, in order, until <paramref name="samples"/> are planned.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Plan(int samples, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var rounds = new List<IReadOnlyList<int>>();
        for (var left = samples; left > 0; left -= width)
        {
            rounds.Add([.. Enumerable.Range(1, Math.Min(left, width))]);
        }

        return rounds;
    }

    /// <summary>The replicas the set needs for <see cref="Plan"/>: the widest round's ordinals and ordinal 0.</summary>
    public static int Replicas(int samples, int width = DefaultWidth) => Math.Min(samples, width) + 1;
}
