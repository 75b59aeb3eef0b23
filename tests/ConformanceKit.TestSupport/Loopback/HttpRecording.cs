using System.Text;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// A raw HTTP answer recorded from a real API server (api-responses/*.http: status line, headers, blank line,
/// body), replayable as a route handler.
/// </summary>
public sealed record HttpRecording(int StatusCode, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "content-length", "date", "transfer-encoding", "connection" };

    /// <summary>Reads a recorded file.</summary>
    public static HttpRecording Load(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? "" : text[(split + 2)..];
        var statusParts = head[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var headers = head.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        return new HttpRecording(int.Parse(statusParts[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    /// <summary>Loads api-responses/&lt;name&gt; from the shared recordings.</summary>
    public static HttpRecording LoadApiResponse(string name) => Load(SharedData.RecordedFile("api-responses", name));

    /// <summary>Serves the recorded status, headers (except hop-by-hop ones) and body.</summary>
    public async Task ServeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers.Where(h => !HopHeaders.Contains(h.Name)))
        {
            context.Response.Headers.Append(name, value);
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Body), context.RequestAborted);
    }
}
