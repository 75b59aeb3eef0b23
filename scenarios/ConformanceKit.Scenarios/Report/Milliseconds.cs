using System.Globalization;

namespace ConformanceKit.Scenarios.Report;

/// <summary>Durations for people: whole milliseconds from 10 ms up, two significant digits below (0.2 ms, 0.04 ms, 2.2 ms).</summary>
internal static class Milliseconds
{
    // A TimeSpan's tick is 0.0001 ms: more decimals than that would show only zeros.
    private const int MaxDecimals = 4;

    public static string Format(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        if (Math.Abs(ms) >= 10 || ms == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");
        }

        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(ms))), 1, MaxDecimals);
        return Math.Round(ms, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + " ms";
    }
}
