using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Checks;

/// <summary>
/// Places an observed fact before or after a step mark (the observer's clock). A fact carries two bounds on its real
/// moment: the observer's clock when its watch event arrived, never before that moment, and usually the API server's
/// timestamp, truncated to the whole second, so never after it and less than a second before it. A fact is certainly
/// before a mark when it was seen before the mark or stamped a whole second or more before it; certainly after when
/// its server stamp is after the mark. A server stamp in the second before the mark counts neither way: the truncation
/// hides whether the fact came before or after the step.
/// </summary>
internal static class StepClock
{
    /// <summary>The precision of the API server's timestamps (creationTimestamp, deletionTimestamp, condition times).</summary>
    public static readonly TimeSpan ServerPrecision = TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="at"/> certainly happened before <paramref name="mark"/>.</summary>
    public static bool Before(Instant at, DateTimeOffset mark)
    {
        ArgumentNullException.ThrowIfNull(at);
        return at.Observed < mark || (at.Server is { } server && server + ServerPrecision <= mark);
    }

    /// <summary>True when <paramref name="at"/> may have happened at or after <paramref name="mark"/> (it is not certainly before).</summary>
    public static bool NotBefore(Instant at, DateTimeOffset mark) => !Before(at, mark);

    /// <summary>True when <paramref name="at"/> certainly happened after <paramref name="mark"/> (its server stamp, else when it was seen).</summary>
    public static bool After(Instant at, DateTimeOffset mark)
    {
        ArgumentNullException.ThrowIfNull(at);
        return (at.Server ?? at.Observed) > mark;
    }

    /// <summary>
    /// True when <paramref name="at"/> falls in the window that opens at <paramref name="from"/> (not certainly before
    /// it) and closes at <paramref name="until"/> (certainly before it; open-ended when null).
    /// </summary>
    public static bool InWindow(Instant? at, DateTimeOffset from, DateTimeOffset? until) =>
        at is { } i && NotBefore(i, from) && (until is null || Before(i, until.Value));
}
