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

    [Test]
    public async Task RunAsync_AtTheEndOfARun_DoesNotCancelTheRunToken()
    {
        // Given a cleanup (the end of a run calls RunAsync, no signal)
        using var cleanup = new ShutdownCleanup(_ => Task.CompletedTask, TimeSpan.FromSeconds(5));

        // When it runs
        await cleanup.RunAsync();

        // Then the run token, which only a signal cancels, is not cancelled, and no signal is named
        cleanup.Interrupted.IsCancellationRequested.ShouldBeFalse();
        cleanup.Signal.ShouldBeNull();
    }

    [Test]
    public void Hooks_WhenRunTestsNamesAPidFile_WriteThisProcesssId_AndOtherwiseNone()
    {
        // Given the pid file variable run-tests.sh sets, and a second file no variable names
        var folder = Directory.CreateTempSubdirectory("ck-pid-").FullName;
        var file = Path.Combine(folder, "testhost.pid");
        var before = Environment.GetEnvironmentVariable(ShutdownCleanup.PidFileVariable);
        try
        {
            // When the hooks are registered with the variable set, and again with it unset
            Environment.SetEnvironmentVariable(ShutdownCleanup.PidFileVariable, file);
            using (new ShutdownCleanup(_ => Task.CompletedTask, TimeSpan.FromSeconds(5)))
            {
                // Then the file holds this process's id once the hooks are in place
                File.ReadAllText(file).Trim().ShouldBe(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            File.Delete(file);
            Environment.SetEnvironmentVariable(ShutdownCleanup.PidFileVariable, null);
            using (new ShutdownCleanup(_ => Task.CompletedTask, TimeSpan.FromSeconds(5)))
            {
                // And without the variable nothing is written
                File.Exists(file).ShouldBeFalse();
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(ShutdownCleanup.PidFileVariable, before);
            Directory.Delete(folder, recursive: true);
        }
    }
}
