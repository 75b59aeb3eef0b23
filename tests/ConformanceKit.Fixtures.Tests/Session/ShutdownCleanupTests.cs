using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

public sealed class ShutdownCleanupTests
{
    [Test]
    public async Task RunAsync_CalledTwice_RunsTheCleanupOnce()
    {
        // Given a registered cleanup that counts its runs
        var runs = 0;
        using var cleanup = new ShutdownCleanup(_ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(5));

        // When run twice
        await cleanup.RunAsync();
        await cleanup.RunAsync();

        // Then it ran once
        runs.ShouldBe(1);
    }

    [Test]
    public async Task RunAsync_CleanupOverrunsItsLimit_IsCancelled()
    {
        // Given a cleanup that waits on its token, with a short limit
        using var cleanup = new ShutdownCleanup(token => Task.Delay(Timeout.InfiniteTimeSpan, token), TimeSpan.FromMilliseconds(200));

        // When run, Then the limit cancels it rather than hanging
        await Should.ThrowAsync<OperationCanceledException>(cleanup.RunAsync);
    }
}
