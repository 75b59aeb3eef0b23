namespace ConformanceKit.Scenarios.ClockOffset;

/// <summary>
/// Bounds the API server's clock against ours from the Date headers of its answers. A request sent at our time s,
/// answered (headers received) at our time r with Date D (RFC 1123, whole seconds, so the server read its clock at
/// D or within the second after) says: server time minus ours lies in [D − r, D + 1 s − s]. Each answer adds its
/// interval and the bound is their intersection, which narrows because the answers fall at different fractions of a
/// second. When an answer's interval misses the bound (a clock was stepped), the bound is measured anew from the
/// newest answers that agree with each other. Thread-safe.
/// </summary>
internal sealed class ClockOffsetEstimator
{
    /// <summary>How many of the latest answers a restart may draw on.</summary>
    public const int Recent = 32;

    /// <summary>The precision of the Date header.</summary>
    public static readonly TimeSpan DatePrecision = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Queue<Interval> recent = new();
    private Interval bound;
    private int samples;
    private int restarts;

    /// <summary>The bound so far; null before the first answer.</summary>
    public ClockOffsetBound? Current
    {
        get
        {
            lock (gate)
            {
                return samples == 0 ? null : new ClockOffsetBound(bound.Low.TotalSeconds, bound.High.TotalSeconds, samples, restarts);
            }
        }
    }

    /// <summary>
    /// Adds one answer: sent and received on our clock, <paramref name="date"/> its Date header. Returns false, and
    /// adds nothing, when our clock went backwards between sending and receiving.
    /// </summary>
    public bool Add(DateTimeOffset sent, DateTimeOffset received, DateTimeOffset date)
    {
        if (received < sent)
        {
            return false;
        }

        var interval = new Interval(date - received, date + DatePrecision - sent);
        lock (gate)
        {
            recent.Enqueue(interval);
            if (recent.Count > Recent)
            {
                recent.Dequeue();
            }

            if (samples == 0)
            {
                (bound, samples) = (interval, 1);
            }
            else if (bound.Intersect(interval) is { } narrower)
            {
                (bound, samples) = (narrower, samples + 1);
            }
            else
            {
                restarts++;
                Restart();
            }
        }

        return true;
    }

    /// <summary>From the newest answer back, as long as each older one agrees with the newer ones.</summary>
    private void Restart()
    {
        var latest = recent.ToArray();
        (bound, samples) = (latest[^1], 1);
        for (var i = latest.Length - 2; i >= 0 && bound.Intersect(latest[i]) is { } narrower; i--)
        {
            (bound, samples) = (narrower, samples + 1);
        }
    }

    private readonly record struct Interval(TimeSpan Low, TimeSpan High)
    {
        public Interval? Intersect(Interval other)
        {
            var low = Low > other.Low ? Low : other.Low;
            var high = High < other.High ? High : other.High;
            return low <= high ? new Interval(low, high) : null;
        }
    }
}
