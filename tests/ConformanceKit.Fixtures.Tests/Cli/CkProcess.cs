using System.Diagnostics;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>Runs the built ck as a separate process.</summary>
internal static class CkProcess
{
    /// <summary>
    /// ck from its own build folder, where its dependencies are laid out for it: this test project runs on the
    /// ASP.NET Core framework as well (the loopback servers), so packages that framework carries (e.g.
    /// Microsoft.Extensions.Logging.Abstractions, which Testcontainers needs) are not copied beside the tests.
    /// </summary>
    public static string Path
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var own = System.IO.Path.Combine(here.Parent!.Parent!.FullName, "ConformanceKit.Cli", here.Name, "ck.dll");
            return File.Exists(own) ? own : System.IO.Path.Combine(AppContext.BaseDirectory, "ck.dll");
        }
    }

    /// <summary>Runs ck; a null value in <paramref name="environment"/> removes that variable.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
