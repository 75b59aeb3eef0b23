using System.Net;
using System.Net.WebSockets;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Exec;

public sealed class ExecTests : LoopbackTest
{
    private Task<ExecResult> ExecRecordedAsync(string recordingName, out ExecRecording recording)
    {
        recording = ExecRecording.Load(recordingName);
        Server.Map("GET", recording.RequestPath, recording.ServeAsync);
        var client = CreateClient();
        var parts = recording.RequestPath.Split('/');
        var command = new RecordedRequest("GET", recording.RequestPath + "?" + recording.RequestQuery, new Dictionary<string, string>(), "").QueryValues("command");
        return RunAndDisposeAsync(client, parts[4], parts[6], command);
    }

    private static async Task<ExecResult> RunAndDisposeAsync(KubeClient client, string ns, string pod, IReadOnlyList<string> command)
    {
        using (client)
        {
            return await client.ExecAsync(ns, pod, null, command, CancellationToken.None);
        }
    }

    [Test]
    public async Task Exec_Hostname_ReturnsStdoutAndExitZero()
    {
        // Given the recorded hostname exchange
        // When the command runs
        var result = await ExecRecordedAsync("exec-hostname.v4.json", out _);

        // Then stdout is the pod's hostname and the Success status gives exit code 0
        (result.ExitCode, result.Stdout, result.Stderr).ShouldBe((0, "sh\n", ""));
        result.Status!.Status.ShouldBe("Success");
    }

    [Test]
    public async Task Exec_NonZeroExit_ReturnsBothStreamsAndTheExitCode()
    {
        // Given the recorded exchange of a command printing to both streams and exiting 3
        // When it runs
        var result = await ExecRecordedAsync("exec-exit3.v4.json", out _);

        // Then stdout and stderr are separated and the exit code comes from the Status cause
        (result.ExitCode, result.Stdout, result.Stderr, result.FailedToStart).ShouldBe((3, "out\n", "err\n", false));
    }

    [Test]
    public async Task Exec_MissingBinary_IsReportedAsFailedToStart()
    {
        // Given the recorded exchange for a binary that does not exist
        // When it runs
        var result = await ExecRecordedAsync("exec-missing-command.v4.json", out _);

        // Then the command failed to start and stderr says why
        result.FailedToStart.ShouldBeTrue();
        result.Status!.Reason.ShouldBe("InternalError");
        result.Stderr.ShouldContain("executable file not found");
    }

    [Test]
    public async Task Exec_MissingPod_FailsWithTheStatusBeforeAnyUpgrade()
    {
        // Given the recorded 404 for a missing pod
        // When the command runs
        var error = await Should.ThrowAsync<KubeApiException>(() => ExecRecordedAsync("exec-missing-pod.v4.json", out _));

        // Then the Status body surfaces
        (error.StatusCode, error.Reason).ShouldBe((HttpStatusCode.NotFound, "NotFound"));
        error.Message.ShouldContain("pods \"no-such-pod\" not found");
    }

    [Test]
    public async Task Exec_RecordedServerThatRefusesV5_IsAskedForV4AndAnswers()
    {
        // Given the recorded server that answers 403 to a v5-only offer and picks v4 when offered
        var task = ExecRecordedAsync("exec-hostname.v5-and-v4-offered.json", out var recording);

        // When the client runs the command
        var result = await task;

        // Then the upgrade offered v4, with the token, and the command's output came back
        result.Stdout.ShouldBe("sh\n");
        var upgrade = Server.RequestsTo(recording.RequestPath).First();
        upgrade.Header("Sec-WebSocket-Protocol").ShouldBe("v4.channel.k8s.io");
        upgrade.Header("Authorization").ShouldBe("Bearer token-1");
        upgrade.QueryValues("command").ShouldBe(["hostname"]);
        (upgrade.Query("stdout"), upgrade.Query("stderr")).ShouldBe(("1", "1"));
    }

    [Test]
    public async Task Exec_V5OnlyOffer_IsRefusedByTheRecordedServer()
    {
        // Given the same recorded server (negative control: what the client avoids by offering both)
        var recording = ExecRecording.Load("exec-hostname.v5-asked.json");
        Server.Map("GET", recording.RequestPath, ExecRecording.Load("exec-hostname.v5-and-v4-offered.json").ServeAsync);
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("v5.channel.k8s.io");
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        var uri = new Uri(Server.BaseAddress, recording.RequestPath + "?command=hostname&stdout=true&stderr=true");

        // When only v5 is offered
        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(new UriBuilder(uri) { Scheme = "wss" }.Uri, CancellationToken.None));

        // Then the answer is 403, as the recording shows
        socket.HttpStatusCode.ShouldBe((HttpStatusCode)recording.StatusCode);
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
