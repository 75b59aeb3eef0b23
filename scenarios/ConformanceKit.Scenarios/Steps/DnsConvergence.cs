using System.Diagnostics;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Parsing;
using Polly;
using Polly.Retry;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>What the DNS looked like once it converged (or at the deadline), and how long that took.</summary>
/// <param name="Lookups">The last nslookup answers.</param>
/// <param name="Result">The check's result on them.</param>
/// <param name="Elapsed">From the first lookup to the one that passed (or the last one).</param>
/// <param name="Attempts">How many rounds of lookups ran.</param>
public sealed record DnsConvergence(NslookupOutput Lookups, CheckResult Result, TimeSpan Elapsed, int Attempts)
{
    /// <summary>
    /// Repeats the lookups (with a Polly backoff between rounds, capped at 2 s) until <paramref name="check"/>
    /// passes or <paramref name="deadline"/> passes; returns the last round either way, so the caller asserts it.
    /// </summary>
    public static async Task<DnsConvergence> WaitAsync(
        PodCommands commands, string probePod, IReadOnlyList<string> names, Func<NslookupOutput, CheckResult> check,
        TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(check);
        var watch = Stopwatch.StartNew();
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<DnsConvergence>()
            .AddRetry(new RetryStrategyOptions<DnsConvergence>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Result.Passed: false } && watch.Elapsed < deadline),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                UseJitter = false,
            })
            .Build();
        return await pipeline.ExecuteAsync(async token =>
        {
            var lookups = await commands.NslookupAsync(probePod, names, token).ConfigureAwait(false);
            return new DnsConvergence(lookups, check(lookups), watch.Elapsed, ++attempts);
        }, cancellationToken).ConfigureAwait(false);
    }
}
