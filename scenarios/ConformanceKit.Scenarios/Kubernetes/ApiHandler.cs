using System.Net;
using ConformanceKit.Scenarios.ClockOffset;
using Polly;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Sits in the package's HTTP pipeline: retries transient failures until the deadline (a create only when the server
/// surely did not act on it), bounds each attempt, passes on the server's warnings, and raises every non-2xx answer
/// as a <see cref="KubeApiException"/> naming the verb, the path and the server's words. Each attempt that gets an
/// answer is timed on <paramref name="localClock"/> and, with the answer's Date header, bounds the server's clock.
/// </summary>
internal sealed class ApiHandler(Uri server, KubeClientOptions options, ClockOffsetEstimator serverClock, TimeProvider localClock) : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline = TransientRetry.Create(TimeProvider.System);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var watch = IsWatch(request.RequestUri);
        var response = await SendWithRetryAsync(request, watch, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Warning", out var warnings))
        {
            foreach (var warning in warnings)
            {
                options.Warn($"the API server warns: {warning}");
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw KubeErrors.Create(watch ? "WATCH" : request.Method.Method, request.RequestUri!.AbsolutePath, response.StatusCode, body);
        }
    }

    private static bool IsWatch(Uri? uri) => uri?.Query is { } query
        && query.TrimStart('?').Split('&').Any(p => p is "watch=true" or "watch=True" or "watch=1");

    private async Task<HttpResponseMessage> SendWithRetryAsync(HttpRequestMessage request, bool watch, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TransientRetry.DeadlineKey, DateTimeOffset.UtcNow + options.RetryDeadline);
        var repeatable = TransientRetry.IsRepeatable(request.Method);
        context.Properties.Set(TransientRetry.RepeatableKey, repeatable);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) => await state.self.AttemptAsync(state.request, state.watch, ctx).ConfigureAwait(false),
                context,
                (self: this, request, watch)).ConfigureAwait(false);
            if (outcome.Exception is { } error)
            {
                var path = request.RequestUri!.AbsolutePath;
                if (!repeatable && TransientRetry.IsTransient(error) && !TransientRetry.NeverTookEffect(outcome) && !cancellationToken.IsCancellationRequested)
                {
                    throw new IOException(
                        $"{request.Method} {path} to {server} got no answer ({Innermost(error).Message}); " +
                        "it was not sent again because the server may already have acted on it", error);
                }

                if (TransientRetry.IsTransient(error) && !cancellationToken.IsCancellationRequested)
                {
                    throw new KubeUnreachableException(server, options.RetryDeadline, error);
                }

                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }

            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, bool watch, ResilienceContext context)
    {
        // One attempt may take the request timeout, but never past the retry deadline (at least a second), so a server
        // that accepts connections and never answers still fails within the deadline. A watch only waits for headers.
        var timeout = options.RequestTimeout;
        if (context.Properties.TryGetValue(TransientRetry.DeadlineKey, out var deadline) && deadline - DateTimeOffset.UtcNow < timeout)
        {
            timeout = TimeSpan.FromTicks(Math.Max((deadline - DateTimeOffset.UtcNow).Ticks, TimeSpan.FromSeconds(1).Ticks));
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            var sent = localClock.GetUtcNow();
            var response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            if (response.Headers.Date is { } date)
            {
                // The handler returns once the headers are in; the body (when buffered below) comes after the Date.
                serverClock.Add(sent, localClock.GetUtcNow(), date);
            }

            if (!watch && response.Content is { } content)
            {
                await content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
            }

            return Outcome.FromResult(response);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(new TimeoutException(
                $"{request.Method} {request.RequestUri!.AbsolutePath} got no answer within the request timeout of '{timeout}'"));
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return Outcome.FromException<HttpResponseMessage>(error);
        }
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}
