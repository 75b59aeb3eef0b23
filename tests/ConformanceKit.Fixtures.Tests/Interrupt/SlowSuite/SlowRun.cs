using ConformanceKit.Fixtures.Session;
using NUnit.Framework;

[assembly: LevelOfParallelism(3)]

namespace SlowSuite;

/// <summary>
/// The run's session, as ConformanceSetUp / ConformanceSession hold it for the conformance suite: one ShutdownCleanup
/// whose signal cancels the run token (every test's wait is linked to it), deletes the namespaces the run created and
/// writes the InterruptNote line.
/// </summary>
[SetUpFixture]
public sealed class SlowRun
{
    private static ShutdownCleanup? shutdown;
    private static int running;
    private static TaskCompletionSource unwound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static FakeNamespaces Namespaces { get; } = new(Environment.GetEnvironmentVariable("CK_TEST_REGISTRY")
        ?? throw new InvalidOperationException("CK_TEST_REGISTRY names no file"));

    public static CancellationToken Interrupted => shutdown?.Interrupted ?? CancellationToken.None;

    [OneTimeSetUp]
    public void Start()
    {
        shutdown = new ShutdownCleanup(CleanupAsync, TimeSpan.FromSeconds(30)) { SignalLimit = TimeSpan.FromSeconds(7) };
        Namespaces.Record($"host {Environment.ProcessId}");
    }

    [OneTimeTearDown]
    public async Task EndAsync()
    {
        await shutdown!.RunAsync();
        shutdown.Dispose();
    }

    /// <summary>Counts a running test; the count's end tells the cleanup that every test has unwound.</summary>
    public static IDisposable Running()
    {
        if (Interlocked.Increment(ref running) == 1)
        {
            unwound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return new Release();
    }

    private static async Task CleanupAsync(CancellationToken cancellationToken)
    {
        Namespaces.Record("cleanup started");
        if (Environment.GetEnvironmentVariable("CK_TEST_STUCK_CLEANUP") == "true")
        {
            // A cluster that does not answer: only a second Ctrl-C (or the signal limit) ends this.
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        // Unlike the conformance session, wait for the cancelled tests to unwind, so the self-test can tell that the
        // run token reached every wait before the process ended.
        if (Volatile.Read(ref running) > 0)
        {
            await unwound.Task.WaitAsync(cancellationToken);
        }

        var open = Namespaces.Open;
        var removed = Namespaces.DeleteAll();
        if (shutdown?.Signal is { } signal)
        {
            InterruptNote.Write(InterruptNote.Describe(signal, ConformanceOptions.Default with { Cluster = ClusterKind.Kubeconfig }, removed, open));
        }
    }

    private sealed class Release : IDisposable
    {
        public void Dispose()
        {
            if (Interlocked.Decrement(ref running) == 0)
            {
                unwound.TrySetResult();
            }
        }
    }
}
