using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
namespace ConformanceKit.Scenarios.Tests.Kubernetes.Support;

/// <summary>Helpers to consume async streams in tests with a deadline.</summary>
internal static class Streams
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Takes the first <paramref name="count"/> items, failing the test if they do not arrive within the deadline.</summary>
    public static async Task<List<T>> TakeAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, int count)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var items = new List<T>();
        try
        {
            await foreach (var item in source(deadline.Token))
            {
                items.Add(item);
                if (items.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"only {items.Count} of {count} items arrived within {Deadline}: {string.Join(", ", items)}");
        }

        return items;
    }
}
