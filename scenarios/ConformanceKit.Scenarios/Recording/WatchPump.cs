using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>List-then-watch of one resource type in a namespace, feeding every event to a callback.</summary>
internal static class WatchPump
{
    /// <summary>
    /// Lists (feeding every item as ADDED, stamped with the observer's clock) and returns the running watch loop,
    /// which continues from the list's resourceVersion until <paramref name="stop"/> is cancelled.
    /// </summary>
    public static async Task<Task> StartAsync<T>(
        KubeClient client,
        string @namespace,
        TimeProvider clock,
        Action<WatchEvent<T>> feed,
        Action<Exception> fail,
        CancellationToken stop,
        CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var list = await client.ListAsync<T>(@namespace, null, cancellationToken).ConfigureAwait(false);
        var listedAt = clock.GetUtcNow();
        foreach (var item in list.Items)
        {
            feed(new WatchEvent<T>(WatchEventType.Added, item, item.Metadata.ResourceVersion, listedAt));
        }

        var options = new WatchOptions { ResourceVersion = list.ResourceVersion };
        return Task.Run(() => LoopAsync(client, @namespace, options, feed, fail, stop), CancellationToken.None);
    }

    private static async Task LoopAsync<T>(
        KubeClient client, string @namespace, WatchOptions options, Action<WatchEvent<T>> feed, Action<Exception> fail, CancellationToken stop)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var kind = ApiType.Of<T>().Kind;
        try
        {
            await foreach (var e in client.WatchAsync<T>(@namespace, options, stop).ConfigureAwait(false))
            {
                feed(e);
            }

            if (!stop.IsCancellationRequested)
            {
                fail(new InvalidOperationException($"the watch of {kind} in namespace '{@namespace}' ended"));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            fail(new InvalidOperationException($"the watch of {kind} in namespace '{@namespace}' failed: {ex.Message}", ex));
        }
    }
}
