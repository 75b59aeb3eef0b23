using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>One gate applied to one class's samples: the check, and whether there were enough samples to judge.</summary>
/// <param name="Gate">The gate.</param>
/// <param name="StorageClass">The class judged.</param>
/// <param name="N">How many of the class's samples the gate's metrics had.</param>
/// <param name="Result">Passed, failed over the limit (a violation), or failed for want of samples (an error).</param>
public sealed record LatencyGateResult(LatencyGate Gate, string StorageClass, int N, CheckResult Result)
{
    /// <summary>
    /// True when the gate had fewer than <see cref="LatencyGate.MinimumSamples"/> samples: its result is failed but says
    /// nothing about the class (the harness did not measure enough), an error rather than a violation, never a pass.
    /// </summary>
    public bool TooFewSamples => N < LatencyGate.MinimumSamples;
}
