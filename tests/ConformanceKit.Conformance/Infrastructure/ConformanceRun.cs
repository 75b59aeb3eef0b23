using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Conformance.Infrastructure;

/// <summary>The one session of this test run, or the one reason it could not start.</summary>
public static class ConformanceRun
{
    private static ConformanceSession? session;
    private static string? failure;

    /// <summary>The session; fails the calling test with the start failure's reason when there is none.</summary>
    public static ConformanceSession Session =>
        session ?? throw new InvalidOperationException(failure ?? "The conformance session was not started: the assembly's SetUpFixture (ConformanceKit.Conformance.ConformanceSetUp) did not run for this test.");

    internal static string? Failure => failure;

    /// <summary>The session, or null when there is none (no start failure is raised).</summary>
    internal static ConformanceSession? Current => session;

    /// <summary>The session's Ctrl-C / SIGTERM token; none when there is no session.</summary>
    internal static CancellationToken Interrupted => session?.Interrupted ?? CancellationToken.None;

    internal static void Started(ConformanceSession started)
    {
        session = started;
        failure = null;
    }

    internal static void Failed(string reason)
    {
        session = null;
        failure = reason;
    }

    internal static ConformanceSession? Take()
    {
        var current = session;
        session = null;
        return current;
    }
}
