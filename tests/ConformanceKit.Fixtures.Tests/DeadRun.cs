using System.Diagnostics;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests;

/// <summary>A run session attributed to a process that does not exist on this host (a crashed earlier run).</summary>
internal static class DeadRun
{
    public static RunSession Create() => RunSession.ForProcess(UnusedPid(), 1_000_000);

    private static int UnusedPid()
    {
        for (var pid = 4_194_000; pid > 1000; pid--)
        {
            try
            {
                using var _ = Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return pid;
            }
        }

        throw new InvalidOperationException("no unused pid found");
    }
}
