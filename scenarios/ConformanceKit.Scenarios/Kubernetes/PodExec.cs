using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Runs a command in a pod through the package's WebSocket exec: stdout, stderr and the error channel's Status are
/// read from its demultiplexed streams; the exit code comes from that Status. A refused upgrade is a
/// <see cref="KubeApiException"/> with the server's words.
/// </summary>
internal static class PodExec
{
    public static async Task<ExecResult> RunAsync(IKubernetes api, string @namespace, string pod, string? container, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var what = $"/api/v1/namespaces/{@namespace}/pods/{pod}/exec";
        WebSocket socket;
        try
        {
            socket = await api.WebSocketNamespacedPodExecAsync(pod, @namespace, command, container, true, false, true, false,
                WebSocketProtocol.V4BinaryWebsocketProtocol, null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException refused)
        {
            throw new KubeApiException("EXEC", what, refused.StatusCode, refused.Status, refused.Message);
        }
        catch (WebSocketException refused) when (!cancellationToken.IsCancellationRequested)
        {
            throw await ExplainRefusalAsync(api, @namespace, pod, container, command, what, refused, cancellationToken).ConfigureAwait(false);
        }

        using var demuxer = new StreamDemuxer(socket, StreamType.RemoteCommand, ownsSocket: true);
        {
            try
            {
                // The channels are opened before the demuxer starts reading, so no frame arrives before its stream exists.
                var channels = new[] { ChannelIndex.StdOut, ChannelIndex.StdErr, ChannelIndex.Error }.Select(c => demuxer.GetStream(c, null)).ToList();
                demuxer.Start();
                var stdout = ReadAllAsync(channels[0], cancellationToken);
                var stderr = ReadAllAsync(channels[1], cancellationToken);
                var error = ReadAllAsync(channels[2], cancellationToken);
                await Task.WhenAll(stdout, stderr, error).ConfigureAwait(false);

                // The error channel always ends with a Status, Success included: without one the outcome is unknown.
                var errorText = await error.ConfigureAwait(false);
                if (errorText.Length == 0)
                {
                    throw new IOException($"EXEC {what}: the stream closed without a Status on the error channel, so the command's exit code is unknown");
                }

                var status = KubeErrors.TryParseStatus(errorText) ?? new V1Status { Status = "Failure", Message = errorText.Trim() };
                var exitCode = ExitCode(status);
                var errors = await stderr.ConfigureAwait(false);
                if (exitCode == -1 && status.Message is { } message)
                {
                    errors = errors.Length == 0 || errors.EndsWith('\n') ? errors + message : errors + "\n" + message;
                }

                return new ExecResult(exitCode, await stdout.ConfigureAwait(false), errors, status);
            }
            catch (WebSocketException broken) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"EXEC {what}: the connection broke before the command's exit status arrived ({broken.Message})", broken);
            }
        }
    }

    /// <summary>
    /// The WebSocket client reports a refused upgrade without the server's answer, so the same exec is asked for once
    /// more as a plain request, whose refusal carries the server's Status (404 for a missing pod, 403 for RBAC).
    /// </summary>
    private static async Task<Exception> ExplainRefusalAsync(IKubernetes api, string @namespace, string pod, string? container, IReadOnlyList<string> command,
        string what, WebSocketException refused, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await api.CoreV1.ConnectGetNamespacedPodExecWithHttpMessagesAsync(pod, @namespace, command.Count > 0 ? command[0] : null, container,
                stderr: true, stdout: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException status) when (status.StatusCode != System.Net.HttpStatusCode.BadRequest || status.Reason is not null)
        {
            return new KubeApiException("EXEC", what, status.StatusCode, status.Status, status.Body);
        }
        catch (KubeApiException)
        {
            // 400 without a Status: the plain request was refused only for not being an upgrade.
        }

        return new IOException($"EXEC {what}: the server refused the WebSocket upgrade ({refused.Message})", refused);
    }

    internal static int ExitCode(V1Status? status)
    {
        if (status is null || status.Status == "Success")
        {
            return 0;
        }

        if (status.Reason == "NonZeroExitCode"
            && status.Details?.Causes?.FirstOrDefault(c => c.Reason == "ExitCode")?.Message is { } text
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        return -1;
    }

    private static async Task<string> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
