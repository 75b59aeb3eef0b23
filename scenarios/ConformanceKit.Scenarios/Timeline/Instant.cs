namespace ConformanceKit.Scenarios.Timeline;

/// <summary>
/// When something happened: the API server's timestamp (when the object carries one; second precision) and the
/// observer's clock when the harness saw it, plus the observation order within the recording.
/// </summary>
/// <param name="Server">The API server's timestamp, or null when the server gives none (e.g. a DELETED event).</param>
/// <param name="Observed">The observer's clock when the watch event carrying this fact arrived.</param>
/// <param name="Sequence">Observation order: the index of the watch event (or line) that carried this fact.</param>
public sealed record Instant(DateTimeOffset? Server, DateTimeOffset Observed, long Sequence = 0)
{
    /// <summary>The best time available: the server's when it exists, else the observer's.</summary>
    public DateTimeOffset Best => Server ?? Observed;

    /// <summary>Which clock <see cref="Best"/> comes from.</summary>
    public string Source => Server is null ? "observed" : "server";

    /// <summary>
    /// Orders two instants: by server time when both have one and they differ; otherwise (the server's second
    /// precision cannot tell them apart, or one side has no server time) by the observer's clock, then by
    /// observation order.
    /// </summary>
    public static int Compare(Instant a, Instant b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Server is { } sa && b.Server is { } sb && sa != sb)
        {
            return sa.CompareTo(sb);
        }

        var byClock = a.Observed.CompareTo(b.Observed);
        return byClock != 0 ? byClock : a.Sequence.CompareTo(b.Sequence);
    }

    /// <summary>
    /// Orders two facts that one watch stream delivered (e.g. two pods' changes on the pod watch): by the order the
    /// stream delivered them, which is the order the API server stored them, whatever the clocks of the kubelets that
    /// stamped conditions (a kubelet's clock can run ahead of the API server's). Falls back to
    /// <see cref="Compare"/> when either fact has no observation order.
    /// </summary>
    public static int CompareInStream(Instant a, Instant b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Sequence > 0 && b.Sequence > 0 ? a.Sequence.CompareTo(b.Sequence) : Compare(a, b);
    }

    /// <summary>True when this instant is strictly before <paramref name="other"/> (see <see cref="Compare"/>).</summary>
    public bool IsBefore(Instant other) => Compare(this, other) < 0;

    /// <summary>Formats with the clock it comes from, e.g. <c>21:52:46Z (server)</c> or <c>21:52:57.120Z (observed)</c>.</summary>
    public override string ToString() =>
        Server is { } s ? $"{Format(s)} (server)" : $"{Format(Observed)} (observed)";

    private static string Format(DateTimeOffset t) =>
        t.UtcDateTime.ToString(t.Millisecond == 0 ? "HH:mm:ss'Z'" : "HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
