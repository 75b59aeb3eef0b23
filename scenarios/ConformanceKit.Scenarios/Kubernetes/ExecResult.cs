using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>What a command run in a container printed, and how it ended.</summary>
/// <param name="ExitCode">0 on success, the command's exit code otherwise; -1 when the command could not start.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
/// <param name="Status">The error channel's Status, when the server sent one.</param>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr, V1Status? Status)
{
    /// <summary>True when the command could not be started at all (e.g. the binary does not exist).</summary>
    public bool FailedToStart => ExitCode == -1;
}
