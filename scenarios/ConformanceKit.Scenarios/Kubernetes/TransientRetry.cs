using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// The retry pipeline for transient failures: refused/reset connections, 429 (honouring Retry-After), 500, 503
/// and 504, with exponential jittered backoff, bounded by an overall deadline stored in the resilience context.
/// A request that is not safe to repeat (POST: a create may already have happened) is retried only when the server
/// surely did not act on it: no connection could be made, or it answered 429 or a 5xx with Retry-After.
/// </summary>
internal static class TransientRetry
{
    public static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("conformancekit.deadline");

    public static readonly ResiliencePropertyKey<bool> RepeatableKey = new("conformancekit.repeatable");

    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(3);

    public static ResiliencePipeline<HttpResponseMessage> Create(TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context) && Remaining(args.Context, time) > TimeSpan.Zero),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(NextDelay(args.Outcome, args.AttemptNumber, Remaining(args.Context, time))),
            })
            .Build();

    /// <summary>Whether a method may be sent again after an ambiguous failure (the server may have acted on it).</summary>
    public static bool IsRepeatable(HttpMethod method) => method != HttpMethod.Post;

    /// <summary>Whether a failure proves the request never took effect: no connection, or the server said to come back.</summary>
    public static bool NeverTookEffect(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } error
        ? error is HttpRequestException { StatusCode: null, HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        : outcome.Result is { } response && (response.StatusCode == HttpStatusCode.TooManyRequests
            || (IsTransient(response.StatusCode) && response.Headers.RetryAfter is not null));

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } error
        ? IsTransient(error)
        : outcome.Result is { } response && IsTransient(response.StatusCode);

    public static bool IsTransient(HttpStatusCode code) => code is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool IsTransient(Exception error) => error switch
    {
        HttpRequestException { StatusCode: null } http => http.HttpRequestError is not HttpRequestError.SecureConnectionError
            and not HttpRequestError.ConfigurationLimitExceeded and not HttpRequestError.InvalidResponse,
        IOException => true,
        TimeoutException => true,
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        IsTransient(outcome)
        && (!context.Properties.TryGetValue(RepeatableKey, out var repeatable) || repeatable || NeverTookEffect(outcome));

    private static TimeSpan Remaining(ResilienceContext context, TimeProvider time) =>
        context.Properties.TryGetValue(DeadlineKey, out var deadline) ? deadline - time.GetUtcNow() : TimeSpan.MaxValue;

    private static TimeSpan NextDelay(Outcome<HttpResponseMessage> outcome, int attempt, TimeSpan remaining)
    {
        var delay = RetryAfter(outcome.Result?.Headers.RetryAfter) ?? Backoff(attempt);
        return delay < remaining ? delay : remaining;
    }

    private static TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        var jittered = capped * (0.5 + (Random.Shared.NextDouble() / 2));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
