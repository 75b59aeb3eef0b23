using System.Diagnostics;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>Runs a child process to its end within a deadline and returns its exit code and output (stdout then stderr).</summary>
internal static class ChildProcess
{
    public static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start, TimeSpan deadline)
    {
        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(deadline);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
