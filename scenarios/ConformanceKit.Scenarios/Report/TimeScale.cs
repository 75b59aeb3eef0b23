namespace ConformanceKit.Scenarios.Report;

/// <summary>Maps times to x positions and picks readable tick intervals.</summary>
internal sealed class TimeScale(DateTimeOffset start, DateTimeOffset end, double left, double width)
{
    private static readonly int[] Steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];

    public DateTimeOffset Start => start;

    public double X(DateTimeOffset t) => left + (width * (t - start).TotalSeconds / (end - start).TotalSeconds);

    public IEnumerable<(DateTimeOffset At, int Seconds)> Ticks()
    {
        var span = (end - start).TotalSeconds;
        var step = Steps.FirstOrDefault(s => span / s <= 12, Steps[^1]);
        for (var s = 0; s <= span; s += step)
        {
            yield return (start + TimeSpan.FromSeconds(s), s);
        }
    }
}
