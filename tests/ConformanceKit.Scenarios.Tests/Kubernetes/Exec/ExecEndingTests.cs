using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Exec;

/// <summary>How an exec ends when the error channel's Status is missing or is not JSON.</summary>
public sealed class ExecEndingTests : LoopbackTest
{
    private static readonly ExecRecording Hostname = ExecRecording.Load("exec-hostname.v4.json");

    private async Task<ExecResult> RunAsync(ExecRecording recording)
    {
        Server.Map("GET", recording.RequestPath, recording.ServeAsync);
        using var client = CreateClient();
        return await client.ExecAsync("exec-rec", "sh", null, ["hostname"], CancellationToken.None);
    }

    private static ExecRecording WithoutErrorChannel(ExecRecording recording) =>
        recording with { Frames = [.. recording.Frames.Where(f => f.Opcode != 2 || f.Payload[0] != 3)] };

    [Test]
    public async Task Exec_CleanCloseWithoutStatus_FailsInsteadOfReportingSuccess()
    {
        // Given the recorded hostname exchange without its Success Status frame
        var recording = WithoutErrorChannel(Hostname);

        // When the command runs
        var error = await Should.ThrowAsync<IOException>(() => RunAsync(recording));

        // Then the exit code is not guessed as 0: the call fails naming the path and the missing Status
        error.Message.ShouldBe($"EXEC {Hostname.RequestPath}: the stream closed without a Status on the error channel, so the command's exit code is unknown");
    }

    [Test]
    public async Task Exec_WithStatus_ReportsItsExitCode()
    {
        // Given the untouched recording (negative control for the test above)
        // When the command runs
        var result = await RunAsync(Hostname);

        // Then the Success Status gives exit code 0
        (result.ExitCode, result.Stdout).ShouldBe((0, "sh\n"));
    }

    [Test]
    public async Task Exec_ConnectionDroppedBeforeTheStatus_FailsInOneLine()
    {
        // Given the recorded exchange cut after stdout, with no Status and no close frame
        var recording = Hostname with { Frames = [.. WithoutErrorChannel(Hostname).Frames.Where(f => f.Opcode == 2)] };

        // When the command runs
        var error = await Should.ThrowAsync<IOException>(() => RunAsync(recording));

        // Then the failure names the call and says the exit status never arrived
        error.Message.ShouldStartWith($"EXEC {Hostname.RequestPath}: ");
        error.Message.ShouldContain("exit");
        error.Message.ShouldNotContain("\n");
    }

    [Test]
    public async Task Exec_ErrorChannelWithPlainText_IsAFailureCarryingTheText()
    {
        // Given an error channel carrying plain text instead of a Status
        var text = "\u0003container not running"u8.ToArray();
        var recording = Hostname with { Frames = [.. WithoutErrorChannel(Hostname).Frames.Where(f => f.Opcode == 2), new ExecFrame(2, true, text), Hostname.Frames[^1]] };

        // When the command runs
        var result = await RunAsync(recording);

        // Then it did not succeed, and stderr says why
        result.ExitCode.ShouldBe(-1);
        result.Stderr.ShouldBe("container not running");
    }

    [Test]
    public async Task Exec_UpgradeRefusedWith403_FailsWithTheServersWords()
    {
        // Given a server whose RBAC refuses pods/exec, before any upgrade
        const string words = "pods \"sh\" is forbidden: User \"ci\" cannot create resource \"pods/exec\" in API group \"\" in the namespace \"exec-rec\"";
        Server.Map("GET", Hostname.RequestPath, Respond.Status(403, "Forbidden", words));
        using var client = CreateClient();

        // When the command runs
        var error = await Should.ThrowAsync<KubeApiException>(() => client.ExecAsync("exec-rec", "sh", null, ["hostname"], CancellationToken.None));

        // Then the refusal names the call, the code and the server's message
        (error.Verb, error.StatusCode, error.Reason).ShouldBe(("EXEC", System.Net.HttpStatusCode.Forbidden, "Forbidden"));
        error.Message.ShouldBe($"EXEC {Hostname.RequestPath}: 403 Forbidden: {words}");
    }
}
