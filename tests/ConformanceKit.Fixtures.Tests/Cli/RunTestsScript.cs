using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>
/// Runs the repository's run-tests.sh against stand-in programs in a test folder: <c>FOLDER/path/dotnet</c> and the
/// <c>ck</c> under <c>FOLDER/build</c> (CK_BUILD_DIR), with no CK_* setting of the caller's environment leaking in.
/// </summary>
internal static class RunTestsScript
{
    /// <summary>Writes an executable shell script.</summary>
    public static void WriteStandIn(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The stand-in ck's path in <paramref name="folder"/>.</summary>
    public static string CkPath(string folder) => Path.Combine(folder, "build", "bin", "ConformanceKit.Cli", "debug", "ck");

    /// <summary>How to start the script in <paramref name="workingDirectory"/> with <paramref name="args"/>.</summary>
    public static ProcessStartInfo Start(string folder, string workingDirectory, IEnumerable<string> args)
    {
        Directory.CreateDirectory(Path.Combine(folder, "out"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "run-tests.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("CK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = Path.Combine(folder, "path") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["CK_BUILD_DIR"] = Path.Combine(folder, "build");
        start.Environment["CK_TEST_OUT"] = Path.Combine(folder, "out");
        return start;
    }

    /// <summary>The repository's root folder.</summary>
    public static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
