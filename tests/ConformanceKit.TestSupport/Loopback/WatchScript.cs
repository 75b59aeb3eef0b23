using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// A scripted watch answer: HTTP 200 then chunks written and flushed one by one (so JSON objects can be split
/// across chunks), gates the test opens, and either a clean end or a dropped connection.
/// </summary>
public sealed class WatchScript
{
    private readonly List<Func<HttpContext, Task<bool>>> steps = [];

    /// <summary>Sends one event line (type plus object JSON) as a single chunk.</summary>
    public WatchScript Event(string type, string objectJson) =>
        Line(new JsonObject { ["type"] = type, ["object"] = JsonNode.Parse(objectJson) }.ToJsonString());

    /// <summary>Sends a BOOKMARK for a resourceVersion.</summary>
    public WatchScript Bookmark(string kind, string resourceVersion) =>
        Event("BOOKMARK", $$$"""{"kind":"{{{kind}}}","apiVersion":"v1","metadata":{"resourceVersion":"{{{resourceVersion}}}"}}""");

    /// <summary>Sends an ERROR event carrying a Status.</summary>
    public WatchScript Error(int code, string reason, string message) => Event("ERROR", Respond.StatusJson(code, reason, message));

    /// <summary>Sends a raw line (a newline is appended) as one chunk.</summary>
    public WatchScript Line(string line) => Chunks(line + "\n");

    /// <summary>Sends a line split into chunks at the given character offsets, each flushed separately.</summary>
    public WatchScript Split(string line, params int[] offsets)
    {
        var text = line + "\n";
        var cuts = offsets.Where(o => o > 0 && o < text.Length).Order().Append(text.Length).ToList();
        var parts = new List<string>();
        var start = 0;
        foreach (var cut in cuts)
        {
            parts.Add(text[start..cut]);
            start = cut;
        }

        return Chunks([.. parts]);
    }

    /// <summary>Sends each text as its own flushed chunk.</summary>
    public WatchScript Chunks(params string[] texts)
    {
        foreach (var text in texts)
        {
            steps.Add(async context =>
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                return true;
            });
        }

        return this;
    }

    /// <summary>Waits until <paramref name="gate"/> completes before the next step.</summary>
    public WatchScript WaitFor(Task gate)
    {
        steps.Add(async context =>
        {
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await gate.WaitAsync(either.Token);
                return true;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                context.Abort();
                return false;
            }
        });
        return this;
    }

    /// <summary>Keeps the stream open (no more events) until the client goes away.</summary>
    public WatchScript HoldOpen() => WaitFor(new TaskCompletionSource().Task);

    /// <summary>Drops the connection here (mid-stream, no terminating chunk).</summary>
    public WatchScript Drop()
    {
        steps.Add(async context =>
        {
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return false;
        });
        return this;
    }

    /// <summary>Plays the script; a script without Drop ends the stream cleanly.</summary>
    public async Task PlayAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        foreach (var step in steps)
        {
            if (!await step(context))
            {
                return;
            }
        }
    }
}
