using System.Globalization;
using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// The StatefulSet controller's <c>FailedCreate</c> events of a set whose pods the API server refuses, made by editing
/// what the v1.26 server really sent for set <c>web</c> of ordered-lifecycle (no recording holds a refusal): its
/// <c>SuccessfulCreate</c> event "create Pod web-0 in StatefulSet web successful" (21:52:43Z), with type, reason, message,
/// count and stamps set. The message wording is the controller's (<c>create Pod P in StatefulSet S failed error: E</c>)
/// and the API server's (E).
/// </summary>
internal static class FailedCreateEvents
{
    public const string PodSecurity =
        "pods \"web-0\" is forbidden: violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container \"web\" must set "
        + "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"web\" must set securityContext.capabilities.drop=[\"ALL\"]), "
        + "runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container \"web\" must set "
        + "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    public const string Quota = "pods \"web-0\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2";

    public const string LimitRange = "pods \"web-0\" is forbidden: maximum cpu usage per Container is 500m, but limit is 1";

    public const string NoServiceAccount =
        "pods \"web-0\" is forbidden: error looking up service account ordered-lifecycle/web-sa: serviceaccount \"web-sa\" not found";

    public const string Webhook =
        "admission webhook \"validate.kyverno.svc-fail\" denied the request: \n\nresource Pod/ordered-lifecycle/web-0 was blocked due to the following "
        + "policies\n\nrequire-labels:\n  check-for-labels: 'validation error: label app.kubernetes.io/name is required'";

    /// <summary>When the recorded SuccessfulCreate of web-0 was stamped; offsets below count from it.</summary>
    public static readonly DateTime Recorded = new(2026, 11, 20, 21, 52, 43, DateTimeKind.Utc);

    private static readonly Lazy<string> SuccessLine = new(() => new RecordedStreams("ordered-lifecycle").Lines("events")
        .First(l => l.Contains("\"message\":\"create Pod web-0 in StatefulSet web successful\"", StringComparison.Ordinal)));

    public static string Namespace => "ordered-lifecycle";

    /// <summary>
    /// The set's event that it failed <paramref name="count"/> times to create <paramref name="pod"/> for
    /// <paramref name="error"/>: firstTimestamp <paramref name="first"/> seconds after <see cref="Recorded"/>,
    /// lastTimestamp <paramref name="span"/> seconds later.
    /// </summary>
    public static JsonObject FailedCreate(string error, int count, int first, int span, string pod = "web-0", string set = "web", string? claim = null)
    {
        var what = claim is null ? $"Pod {pod}" : $"Claim {claim} for Pod {pod}";
        return Edited(set, "Warning", "FailedCreate", $"create {what} in StatefulSet {set} failed error: {error}", count, first, span);
    }

    /// <summary>The set's recorded SuccessfulCreate of <paramref name="pod"/>, <paramref name="count"/> times over the stamps given.</summary>
    public static JsonObject SuccessfulCreate(int count, int first, int span, string pod = "web-0", string set = "web") =>
        Edited(set, "Normal", "SuccessfulCreate", $"create Pod {pod} in StatefulSet {set} successful", count, first, span);

    /// <summary>
    /// The same event as the events API writes it (the controllers of newer releases): eventTime and a series with
    /// its count and lastObservedTime, no firstTimestamp, lastTimestamp or count.
    /// </summary>
    public static JsonObject AsSeries(JsonObject legacy)
    {
        var series = (JsonObject)legacy.DeepClone();
        series["eventTime"] = series["firstTimestamp"]!.GetValue<string>().Replace("Z", ".000000Z", StringComparison.Ordinal);
        series["series"] = new JsonObject { ["count"] = series["count"]!.GetValue<int>(), ["lastObservedTime"] = series["lastTimestamp"]!.GetValue<string>().Replace("Z", ".000000Z", StringComparison.Ordinal) };
        series.Remove("firstTimestamp");
        series.Remove("lastTimestamp");
        series.Remove("count");
        return series;
    }

    /// <summary>The recorded pod <paramref name="name"/> of set web as the server first sent it.</summary>
    public static V1Pod RecordedPod(string name) => KubernetesJson.Deserialize<V1Pod>(RecordedStreams.ObjectJson(new RecordedStreams("ordered-lifecycle")
        .Lines("pods").First(l => l.Contains($"\"name\":\"{name}\",\"generateName\"", StringComparison.Ordinal))));

    public static Corev1Event Event(JsonObject json) => KubernetesJson.Deserialize<Corev1Event>(json.ToJsonString());

    /// <summary>A watch line of <paramref name="type"/> carrying <paramref name="json"/> at <paramref name="resourceVersion"/>.</summary>
    public static string Line(string type, JsonObject json, int resourceVersion)
    {
        var copy = (JsonObject)json.DeepClone();
        copy["metadata"]!["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
        return new JsonObject { ["type"] = type, ["object"] = copy }.ToJsonString();
    }

    private static JsonObject Edited(string set, string type, string reason, string message, int count, int first, int span)
    {
        var json = (JsonObject)JsonNode.Parse(RecordedStreams.ObjectJson(SuccessLine.Value))!;
        // One event object per set, reason, message and first stamp, as the recorder keeps one per repeated message.
        var key = $"{set}.{reason.ToLowerInvariant()}-{message.Length}-{first}";
        json["metadata"]!["name"] = key;
        json["metadata"]!["uid"] = $"event-{key}";
        json["involvedObject"]!["name"] = set;
        if (set != "web")
        {
            json["involvedObject"]!["uid"] = $"uid-of-set-{set}";
        }

        json["type"] = type;
        json["reason"] = reason;
        json["message"] = message;
        json["count"] = count;
        json["firstTimestamp"] = Stamp(first);
        json["lastTimestamp"] = Stamp(first + span);
        return json;
    }

    private static string Stamp(int offset) => Recorded.AddSeconds(offset).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
