using ConformanceKit.Scenarios.Kubernetes;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Exec;

/// <summary>
/// A command that could not start, as runtimes report it: containerd's Failure status without an exit code is proven on
/// the recorded exchange (ExecTests); a runtime answering with the shell's 126/127 is hand-built here.
/// </summary>
public sealed class ExecResultTests
{
    [TestCase(127, "", "exec: \"hostname\": executable file not found in $PATH")]
    [TestCase(127, "sh: hostname: not found in $PATH", "")]
    [TestCase(126, "", "exec /usr/bin/hostname: permission denied")]
    [TestCase(127, "", "/bin/sh: exec: no-such-tool: No such file or directory")]
    public void FailedToStart_TheShellsNotFoundCodeWithThoseWords_IsAToolThatCouldNotStart(int code, string stdout, string stderr)
    {
        // Given / When / Then
        new ExecResult(code, stdout, stderr, null).FailedToStart.ShouldBeTrue();
    }

    [TestCase(127, "", "lookup failed")]
    [TestCase(1, "", "cat: /data/marker: No such file or directory")]
    [TestCase(3, "out\n", "err\n")]
    [TestCase(0, "web-0\n", "")]
    public void FailedToStart_AToolThatRanAndExited_IsNot(int code, string stdout, string stderr)
    {
        // Given a tool that ran: 127 without the words, or the words under another code (the controls)
        // When / Then
        new ExecResult(code, stdout, stderr, null).FailedToStart.ShouldBeFalse();
    }

    [Test]
    public void FailedToStart_TheWordsInTheStatusMessage_Count()
    {
        // Given a 127 whose reason is only in the error channel's Status
        var status = new k8s.Models.V1Status { Status = "Failure", Message = "OCI runtime exec failed: exec: \"nslookup\": executable file not found in $PATH" };

        // When / Then
        new ExecResult(127, "", "", status).FailedToStart.ShouldBeTrue();
        new ExecResult(-1, "", "", null).FailedToStart.ShouldBeTrue();
    }
}
