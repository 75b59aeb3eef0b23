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

    /// <summary>
    /// How far the API server's clock may be from the observer's before a run warns that its timing checks rest on
    /// clocks that disagree: a tenth of <see cref="ServerPrecision"/>. These verdicts take the two clocks to agree.
    /// With the server's clock ahead by d, a fact up to d before a mark can carry a stamp after it (<see cref="After"/>);
    /// behind by d, a fact up to d after a mark can carry a stamp a whole second before it (<see cref="Before"/>). Such
    /// a fact lands on the wrong side when a whole second falls between the mark and its shifted moment: with marks at
    /// any fraction of a second, a chance below d / <see cref="ServerPrecision"/>, so under one in ten at a tenth of a
    /// second and up to one in two at half a second. The run warns only when the measured bound
    /// (<see cref="ClockOffset.ClockOffsetBound"/>) lies wholly beyond this on one side, so a bound too wide to tell
    /// never warns. The verdicts themselves do not use the measured offset.
    /// </summary>
    public static readonly TimeSpan ClockAgreement = ServerPrecision / 10;

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
