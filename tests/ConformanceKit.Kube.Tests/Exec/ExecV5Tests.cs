using System.Net.WebSockets;
using System.Text;
using ConformanceKit.Kube.Tests.Support;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace ConformanceKit.Kube.Tests.Exec;

public sealed class ExecV5Tests : LoopbackTest
{
    private const string ExecPath = "/api/v1/namespaces/ns/pods/web-0/exec";

    private static async Task ServeV5Async(HttpContext context)
    {
        // A v5 server: stdout, the v5 close signal for stdout (channel 255), a fragmented stderr frame, then Status.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = "v5.channel.k8s.io" });
        await socket.SendAsync(Encoding.UTF8.GetBytes("\u0001hi\n"), WebSocketMessageType.Binary, true, context.RequestAborted);
        await socket.SendAsync(new byte[] { 255, 1 }, WebSocketMessageType.Binary, true, context.RequestAborted);
        await socket.SendAsync(Encoding.UTF8.GetBytes("\u0002par"), WebSocketMessageType.Binary, false, context.RequestAborted);
        await socket.SendAsync(Encoding.UTF8.GetBytes("tial\n"), WebSocketMessageType.Binary, true, context.RequestAborted);
        var status = """{"metadata":{},"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"42"}]}}""";
        await socket.SendAsync(Encoding.UTF8.GetBytes("\u0003" + status), WebSocketMessageType.Binary, true, context.RequestAborted);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
        var buffer = new byte[64];
        while ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
        {
        }
    }

    [Test]
    public async Task Exec_V5Server_DemultiplexesAndIgnoresTheCloseChannel()
    {
        // Given a server that picks v5 and uses its close channel and a fragmented frame
        Server.Map("GET", ExecPath, ServeV5Async);
        using var client = CreateClient();

        // When a command runs in a named container
        var result = await client.ExecAsync("ns", "web-0", "main", ["sh", "-c", "echo hi; exit 42"], CancellationToken.None);

        // Then the streams, the exit code and the protocol are right, and the container and command were asked for
        (result.Subprotocol, result.Stdout, result.Stderr, result.ExitCode).ShouldBe(("v5.channel.k8s.io", "hi\n", "partial\n", 42));
        var upgrade = Server.RequestsTo(ExecPath).Single();
        upgrade.Query("container").ShouldBe("main");
        upgrade.QueryValues("command").ShouldBe(["sh", "-c", "echo hi; exit 42"]);
    }
}
