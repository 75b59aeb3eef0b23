using NUnit.Framework;

namespace SlowSuite;

/// <summary>Three scenarios that each "create" a namespace and then wait two minutes on the run's token.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class SlowTests
{
    [TestCase("slow-a")]
    [TestCase("slow-b")]
    [TestCase("slow-c")]
    public async Task WaitsTwoMinutes_UnlessTheRunIsInterrupted(string test)
    {
        using var running = SlowRun.Running();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(SlowRun.Interrupted);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var name = SlowRun.Namespaces.Create(test);
        SlowRun.Namespaces.Record($"waiting {name}");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            SlowRun.Namespaces.Record($"cancelled {name}");
            throw;
        }
    }
}
