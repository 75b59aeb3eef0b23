using System.Net;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// The one watch loop: lists first when no resourceVersion is given, then watches through the package's watch
/// support from the list's resourceVersion (with bookmarks); resumes from the last seen resourceVersion after a clean
/// end or a dropped connection; relists after 410 Gone and yields the differences.
/// </summary>
internal sealed class WatchLoop<T>(
    Func<string?, CancellationToken, Task<KubeList<T>>> list,
    Func<string?, int, CancellationToken, Task<k8s.Autorest.HttpOperationResponse<object>>> open,
    string what,
    WatchOptions options)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const int MaxDropsWithoutProgress = 5;
    private readonly WatchState<T> state = new();

    public async IAsyncEnumerable<WatchEvent<T>> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resourceVersion = options.ResourceVersion;
        var mustList = resourceVersion is null;
        var (drops, quietEnds) = (0, 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (mustList)
            {
                var fresh = await list(null, cancellationToken).ConfigureAwait(false);
                resourceVersion = fresh.ResourceVersion;
                foreach (var change in state.Relist(fresh))
                {
                    yield return change;
                }

                mustList = false;
            }

            if (quietEnds > 0)
            {
                // A stream that ended without delivering anything is reopened after a short, growing, jittered
                // pause, so a server that keeps closing at once is not hammered.
                await Task.Delay(QuietEndBackoff(quietEnds), cancellationToken).ConfigureAwait(false);
            }

            // The server ends each stream after timeoutSeconds; one still open well past that sits on a dead
            // connection (a silently dropped NAT entry), so it is abandoned and reopened like a dropped one.
            using var streamDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            streamDeadline.CancelAfter(StreamDeadline(options.RequestTimeout));
            Exception? failure = null;
#pragma warning disable CS0618 // the package's typed watch of a list response; its replacement yields untyped objects
            var events = open(resourceVersion, (int)options.RequestTimeout.TotalSeconds, streamDeadline.Token)
                .WatchAsync<T, object>(e => failure ??= e, streamDeadline.Token);
#pragma warning restore CS0618
            await using var reader = events.GetAsyncEnumerator(streamDeadline.Token);
            var delivered = false;
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.MoveNextAsync().ConfigureAwait(false);
                }
                catch (KubeApiException gone) when (gone.StatusCode == HttpStatusCode.Gone)
                {
                    failure = gone;
                    more = false;
                }
                catch (Exception dropped) when (!cancellationToken.IsCancellationRequested && dropped is IOException or HttpRequestException or OperationCanceledException)
                {
                    if (++drops > MaxDropsWithoutProgress)
                    {
                        throw new IOException($"the watch of {what} dropped {drops} times in a row without delivering an event", dropped);
                    }

                    more = false;
                }

                if (failure is not null)
                {
                    mustList = IsGoneOrThrow(failure);
                    break;
                }

                if (!more)
                {
                    quietEnds = delivered ? 0 : quietEnds + 1;
                    break;
                }

                var (type, value) = reader.Current;
                drops = 0;
                delivered = true;
                if (type == WatchEventType.Error || value is null)
                {
                    throw new KubeApiException("WATCH", what, HttpStatusCode.InternalServerError, null, $"an ERROR event without a Status ({type})");
                }

                var change = state.Apply(type, value, DateTimeOffset.UtcNow);
                resourceVersion = change.ResourceVersion ?? resourceVersion;
                yield return change;
            }
        }
    }

    /// <summary>How long one stream may stay open: the server's timeout plus as much again, at most 30 s more.</summary>
    internal static TimeSpan StreamDeadline(TimeSpan requestTimeout) =>
        requestTimeout + (requestTimeout < TimeSpan.FromSeconds(30) ? requestTimeout : TimeSpan.FromSeconds(30));

    // Hand-written, not a Polly retry: the pause sits between two streams of an async iterator that yields each
    // event as it comes, which a resilience pipeline (one callback run to completion per attempt) cannot wrap.
    private static TimeSpan QuietEndBackoff(int quietEnds)
    {
        var ceiling = Math.Min(5_000, 50 * (1 << Math.Min(quietEnds, 7)));
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        return TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling / 2, ceiling));
#pragma warning restore CA5394
    }

    private bool IsGoneOrThrow(Exception failure)
    {
        var status = failure switch
        {
            KubeApiException api => api.Status ?? new V1Status { Code = (int)api.StatusCode },
            KubernetesException watchError => watchError.Status,
            _ => null,
        };
        if (status is { Code: 410 } or { Reason: "Expired" or "Gone" })
        {
            return true;
        }

        if (failure is KubeApiException)
        {
            throw failure;
        }

        if (status is null)
        {
            throw new IOException($"the watch of {what} sent an event that cannot be read ({failure.Message})", failure);
        }

        throw new KubeApiException("WATCH", what, (HttpStatusCode)(status.Code ?? 500), status, status.Message);
    }
}
