using System.Globalization;
using System.Text.Json.Serialization;
using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.ClockOffset;

/// <summary>
/// How far the API server's clock is from this machine's: the server's time minus ours lies between
/// <see cref="LowSeconds"/> and <see cref="HighSeconds"/>, as the Date headers of <see cref="Samples"/> answers tell.
/// </summary>
/// <param name="LowSeconds">The least the offset can be, in seconds (negative: the server's clock is behind).</param>
/// <param name="HighSeconds">The most the offset can be, in seconds.</param>
/// <param name="Samples">How many answers the bound rests on (since the last restart).</param>
/// <param name="Restarts">How often answers contradicted the bound so far (a clock was stepped) and it was measured anew from the recent ones.</param>
public sealed record ClockOffsetBound(double LowSeconds, double HighSeconds, int Samples, int Restarts = 0)
{
    /// <summary>The least the offset can be.</summary>
    [JsonIgnore]
    public TimeSpan Low => TimeSpan.FromSeconds(LowSeconds);

    /// <summary>The most the offset can be.</summary>
    [JsonIgnore]
    public TimeSpan High => TimeSpan.FromSeconds(HighSeconds);

    /// <summary>
    /// True when the whole bound lies farther from zero than the timing checks allow
    /// (<see cref="StepClock.ClockAgreement"/>): the clocks certainly disagree by more than that.
    /// </summary>
    [JsonIgnore]
    public bool Disagrees => Low > StepClock.ClockAgreement || High < -StepClock.ClockAgreement;

    /// <summary>One line saying that the timing checks assume agreeing clocks and what was measured; null when they agree.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning => Disagrees
        ? string.Create(CultureInfo.InvariantCulture,
            $"the timing checks assume that the API server's clock agrees with this machine's to within {StepClock.ClockAgreement.TotalSeconds:0.0#} s, ")
          + $"but it was measured at {this}; facts the server stamped within that much of a step may be placed on the wrong side of it"
        : null;

    /// <summary>E.g. "+0.23 s … +0.31 s from this machine (n=412)", rounded outwards to hundredths so it still holds.</summary>
    public override string ToString()
    {
        var restarts = Restarts == 0 ? "" : $"; measured anew {Restarts}× after answers contradicted each other";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Seconds(Math.Floor(LowSeconds * 100) / 100)} … {Seconds(Math.Ceiling(HighSeconds * 100) / 100)} from this machine (n={Samples}{restarts})");
    }

    private static string Seconds(double value) =>
        (value < 0 ? "-" : "+") + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
