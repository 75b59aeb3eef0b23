using System.Net;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// A request the API server refused, or an ERROR event in a watch. The message reads like
/// "PATCH /apis/apps/v1/namespaces/x/statefulsets/web: 422 Invalid: spec.replicas: ...".
/// </summary>
public sealed class KubeApiException : Exception
{
    /// <summary>The refusal of <paramref name="verb"/> <paramref name="path"/>, with the server's Status when it sent one.</summary>
    public KubeApiException(string verb, string path, HttpStatusCode statusCode, V1Status? status, string? body = null)
        : base(Format(verb, path, statusCode, status, body))
    {
        Verb = verb;
        Path = path;
        StatusCode = statusCode;
        Status = status;
        Body = body;
    }

    /// <summary>The body the server sent, as text (null when there was none).</summary>
    public string? Body { get; }

    /// <summary>HTTP verb (or WATCH, EXEC).</summary>
    public string Verb { get; }

    /// <summary>Request path without the server part.</summary>
    public string Path { get; }

    /// <summary>HTTP status, or the code of a watch ERROR event's Status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The decoded Status body, when the server sent one.</summary>
    public V1Status? Status { get; }

    /// <summary>Status.reason, e.g. NotFound, Invalid, Conflict, Expired.</summary>
    public string? Reason => Status?.Reason;

    private static string Format(string verb, string path, HttpStatusCode code, V1Status? status, string? body)
    {
        var reason = status?.Reason ?? code.ToString();
        var message = status?.Message ?? (string.IsNullOrWhiteSpace(body) ? "(no body)" : body.Trim());
        var unmentioned = (status?.Details?.Causes ?? [])
            .Where(c => c.Field is not null && !message.Contains(c.Field, StringComparison.Ordinal))
            .Select(c => $"{c.Field}: {c.Message}")
            .ToList();
        var causes = unmentioned.Count > 0 ? " (" + string.Join("; ", unmentioned) + ")" : "";
        return $"{verb} {path}: {(int)code} {reason}: {message}{causes}";
    }
}
