using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>Ready-made route handlers for the loopback API server.</summary>
public static class Respond
{
    /// <summary>Answers with a status code, a JSON body and optional extra headers.</summary>
    public static LoopbackHandler Json(int statusCode, string json, params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted);
    };

    /// <summary>Answers with a Kubernetes Status error body (kind Status, status Failure).</summary>
    public static LoopbackHandler Status(int code, string reason, string message, params (string Name, string Value)[] headers) =>
        Json(code, StatusJson(code, reason, message), headers);

    /// <summary>The JSON of a failure Status object.</summary>
    public static string StatusJson(int code, string reason, string message) => new JsonObject
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    }.ToJsonString();

    /// <summary>A list answer with the given items, resourceVersion and optional continue token.</summary>
    public static LoopbackHandler List(string kind, string resourceVersion, string? continueToken, params string[] itemsJson)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        var items = new JsonArray(itemsJson.Select(item => (JsonNode?)JsonNode.Parse(item)).ToArray());
        var list = new JsonObject { ["kind"] = kind, ["apiVersion"] = "v1", ["metadata"] = metadata, ["items"] = items };
        return Json(200, list.ToJsonString());
    }

    /// <summary>Streams a scripted watch answer.</summary>
    public static LoopbackHandler Watch(WatchScript script) => script.PlayAsync;

    /// <summary>Aborts the connection without an answer (the client sees a reset).</summary>
    public static LoopbackHandler Abort() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };
}
