using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.Session;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Infrastructure;

/// <summary>
/// Base of every conformance scenario test: a client for the run's cluster, a fresh namespace per test
/// (<c>ck-&lt;test&gt;-&lt;random&gt;</c>, labelled with the session) and a per-test deadline. After the test,
/// <see cref="OnTestFailedAsync"/> runs when it failed, then the cleanups registered with <see cref="AddCleanup"/>
/// in reverse order, then the namespace is deleted with its PVCs unless KeepNamespaces, or KeepFailed and it failed.
/// </summary>
public abstract class ConformanceTest
{
    private readonly Stack<Func<CancellationToken, Task>> cleanups = new();
    private CancellationTokenSource? deadline;
    private string? testNamespace;

    /// <summary>A client for the run's cluster.</summary>
    protected KubeClient Client => ConformanceRun.Session.Client;

    /// <summary>The run's options.</summary>
    protected ConformanceOptions Options => ConformanceRun.Session.Options;

    /// <summary>The storage class the scenarios' PVCs use (the option, else the cluster's default class).</summary>
    protected string StorageClass => ConformanceRun.Session.Target.StorageClass;

    /// <summary>This test's namespace.</summary>
    protected string Namespace => testNamespace ?? throw new InvalidOperationException("The test namespace exists only between SetUp and TearDown.");

    /// <summary>Cancelled when the test runs past Options.TestTimeout, or at once on Ctrl-C / SIGTERM (the session's Interrupted).</summary>
    protected CancellationToken Cancellation => deadline?.Token ?? CancellationToken.None;

    /// <summary>The server's /version answer.</summary>
    protected VersionInfo ServerVersion => ConformanceRun.Session.Target.ServerVersion;

    /// <summary>What the server version supports.</summary>
    protected ServerCapabilities Capabilities => ConformanceRun.Session.Target.Capabilities;

    /// <summary>The session (session id, labels, target description).</summary>
    protected ConformanceSession Session => ConformanceRun.Session;

    [SetUp]
    public async Task CreateNamespaceAsync()
    {
        var session = ConformanceRun.Session;
        // Every wait of a test goes through this token: linked to the run's, so Ctrl-C cancels running scenarios at once.
        deadline = CancellationTokenSource.CreateLinkedTokenSource(session.Interrupted);
        deadline.CancelAfter(session.Options.TestTimeout);
        testNamespace = await session.Namespaces.CreateAsync(TestContext.CurrentContext.Test.Name, deadline.Token);
        TestContext.Progress.WriteLine($"{TestContext.CurrentContext.Test.Name}: namespace {testNamespace}");
    }

    [TearDown]
    public async Task CleanUpAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        // Interrupted, the session deletes every namespace of the run itself: the test's own cleanup stops at once.
        using var cleanupDeadline = CancellationTokenSource.CreateLinkedTokenSource(ConformanceRun.Interrupted);
        cleanupDeadline.CancelAfter(TimeSpan.FromMinutes(5));
        var errors = new List<Exception>();
        try
        {
            if (failed && testNamespace is not null)
            {
                await Collect(() => OnTestFailedAsync(cleanupDeadline.Token), errors);
            }

            while (cleanups.TryPop(out var cleanup))
            {
                await Collect(() => cleanup(cleanupDeadline.Token), errors);
            }

            if (testNamespace is not null && ConformanceRun.Session is var session)
            {
                if (session.Options.KeepNamespaces || (failed && session.Options.KeepFailed))
                {
                    await Collect(() => session.Namespaces.KeepAsync(testNamespace, cleanupDeadline.Token), errors);
                    TestContext.Progress.WriteLine($"kept namespace {testNamespace} (kubectl delete namespace {testNamespace} removes it)");
                }
                else
                {
                    await Collect(() => session.Namespaces.DeleteAsync(testNamespace, cleanupDeadline.Token), errors);
                }
            }
        }
        finally
        {
            testNamespace = null;
            deadline?.Dispose();
            deadline = null;
        }

        if (errors.Count > 0)
        {
            // An exception, not an assertion: NUnit then reports "TearDown : ...", which the report classifies as an error.
            throw new InvalidOperationException("Cleanup failed: " + string.Join("; ", errors.Select(e => e.Message)));
        }
    }

    /// <summary>Skips the test (with the reason) when the server is older than major.minor.</summary>
    protected void RequireServerVersion(int major, int minor, string reason)
    {
        if (!Capabilities.Supports(major, minor))
        {
            Assert.Ignore($"Needs Kubernetes v{major}.{minor}+ (server is {Capabilities.GitVersion}): {reason}");
        }
    }

    /// <summary>Registers a cleanup; cleanups run after the test in reverse order of registration.</summary>
    protected void AddCleanup(Func<CancellationToken, Task> cleanup) => cleanups.Push(cleanup);

    /// <summary>Called when the test failed, before any cleanup (e.g. to attach events, pod logs, a timeline).</summary>
    protected virtual Task OnTestFailedAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task Collect(Func<Task> action, List<Exception> errors)
    {
        try
        {
            await action();
        }
        catch (Exception error)
        {
            errors.Add(error);
        }
    }
}
