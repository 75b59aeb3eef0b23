using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>Turns a refused request (non-2xx answer) into a <see cref="KubeApiException"/>.</summary>
internal static class KubeErrors
{
    public static KubeApiException Create(string verb, string pathAndQuery, HttpStatusCode code, string? body) =>
        new(verb, PathOnly(pathAndQuery), code, TryParseStatus(body), body);

    public static string PathOnly(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }

    public static V1Status? TryParseStatus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(body);
            return status is { Kind: "Status" } or { Code: not null } or { Reason: not null } or { Status: not null } ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
