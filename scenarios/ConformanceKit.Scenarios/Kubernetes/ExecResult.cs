using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>What a command run in a container printed, and how it ended.</summary>
/// <param name="ExitCode">0 on success, the command's exit code otherwise; -1 when the command could not start.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
/// <param name="Status">The error channel's Status, when the server sent one.</param>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr, V1Status? Status)
{
    // The shell convention for a command that was not found (127) or could not be executed (126). containerd answers a
    // missing binary with a Failure status and no exit code (-1 here, recorded on v1.26); a runtime that reports the
    // convention's code instead is told apart from a tool that exits 126/127 itself by the words of its error.
    private static readonly int[] NotStartedCodes = [126, 127];
    private static readonly string[] NotStartedWords = ["executable file not found", "not found in $PATH", "no such file or directory", "permission denied"];

    /// <summary>
    /// True when the command could not be started at all (e.g. the binary does not exist): no exit code (-1), or
    /// 126/127 with an error that says the executable was not found or could not be run.
    /// </summary>
    public bool FailedToStart => ExitCode == -1
        || (NotStartedCodes.Contains(ExitCode)
            && NotStartedWords.Any(w => $"{Stderr} {Stdout} {Status?.Message}".Contains(w, StringComparison.OrdinalIgnoreCase)));
}
