using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>Watch-driven waits on one object (fieldSelector metadata.name=), bounded by a deadline.</summary>
internal static class ObjectWaiter
{
    public static async Task WaitUntilGoneAsync<T>(KubeClient client, string? @namespace, string name, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var selector = new ListOptions { FieldSelector = $"metadata.name={name}" };
            var current = await client.ListAsync<T>(@namespace, selector, deadline.Token).ConfigureAwait(false);
            if (current.Items.Count == 0)
            {
                return;
            }

            var options = new WatchOptions { FieldSelector = selector.FieldSelector, ResourceVersion = current.ResourceVersion ?? "0" };
            await foreach (var change in client.WatchAsync<T>(@namespace, options, deadline.Token).ConfigureAwait(false))
            {
                if (change.Type == WatchEventType.Deleted && change.Object?.Metadata.Name == name)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{KindOf<T>()} '{Describe(@namespace, name)}' still exists after the allowed timeout of '{timeout}'");
        }
    }

    public static async Task<T> WaitForAsync<T>(KubeClient client, string? @namespace, string name, Func<T, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var options = new WatchOptions { FieldSelector = $"metadata.name={name}" };
            await foreach (var change in client.WatchAsync<T>(@namespace, options, deadline.Token).ConfigureAwait(false))
            {
                if (change is { Type: WatchEventType.Added or WatchEventType.Modified, Object: { } value } && condition(value))
                {
                    return value;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Reported below.
        }

        throw new TimeoutException($"{KindOf<T>()} '{Describe(@namespace, name)}' didn't reach the expected state within the allowed timeout of '{timeout}'");
    }

    internal static string KindOf<T>() => ApiType.Of<T>().Kind;

    private static string Describe(string? @namespace, string name) => @namespace is null ? name : $"{@namespace}/{name}";
}
