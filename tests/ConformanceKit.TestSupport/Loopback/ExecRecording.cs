using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// A recorded pod exec exchange (exec-websocket/*.json): the request line, the answer's head and every frame.
/// Replayed as a route handler that negotiates the subprotocol like the recorded v1.26 server: it accepts when
/// the client offers the recorded protocol, and answers 403 with an empty body when only v5.channel.k8s.io is offered.
/// </summary>
public sealed record ExecRecording(string RequestPath, string RequestQuery, int StatusCode, string? Subprotocol,
    IReadOnlyList<(string Name, string Value)> Headers, IReadOnlyList<ExecFrame> Frames, string Body)
{
    /// <summary>Reads exec-websocket/&lt;name&gt; from the shared recordings.</summary>
    public static ExecRecording Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.RecordedFile("exec-websocket", name)));
        var root = document.RootElement;
        var target = root.GetProperty("request").GetString()!.Split(' ')[1].Split('?', 2);
        var head = root.GetProperty("response_head").EnumerateArray().Select(e => e.GetString()!).ToList();
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(h => (h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToList();
        var protocol = headers.Where(h => h.Item1.Equals("Sec-WebSocket-Protocol", StringComparison.OrdinalIgnoreCase)).Select(h => h.Item2).FirstOrDefault();
        var frames = root.GetProperty("frames").EnumerateArray().Select(f => new ExecFrame(
            f.GetProperty("opcode").GetInt32(), f.GetProperty("fin").GetBoolean(), Convert.FromHexString(f.GetProperty("payload_hex").GetString()!))).ToList();
        var body = root.TryGetProperty("response_body", out var b) ? b.GetString() ?? "" : "";
        return new ExecRecording(target[0], target.Length > 1 ? target[1] : "", status, protocol, headers, frames, body);
    }

    /// <summary>Replays the exchange.</summary>
    public async Task ServeAsync(HttpContext context)
    {
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        if (StatusCode != 101 || !context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCode == 101 ? 400 : StatusCode, Body);
            return;
        }

        if (Subprotocol is null || !offered.Contains(Subprotocol))
        {
            await RefuseAsync(context, 403, "");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = Subprotocol });
        foreach (var frame in Frames)
        {
            if (frame.Opcode == 8)
            {
                var code = frame.Payload.Length >= 2 ? (WebSocketCloseStatus)((frame.Payload[0] << 8) | frame.Payload[1]) : WebSocketCloseStatus.NormalClosure;
                await socket.CloseOutputAsync(code, null, context.RequestAborted);
                await DrainAsync(socket, context.RequestAborted);
                return;
            }

            await socket.SendAsync(frame.Payload, WebSocketMessageType.Binary, frame.Fin, context.RequestAborted);
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.CloseSent)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task RefuseAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in Headers.Where(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
    }
}
