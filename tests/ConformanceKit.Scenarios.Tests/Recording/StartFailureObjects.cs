using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// Pods and kubelet events of a pod that cannot start (a pull that fails, a missing Secret or ConfigMap), made by
/// editing what the v1.26 server really sent for the busybox pod <c>dns-probe</c> of ordered-lifecycle (no recording
/// holds such a failure): its pod while the container was being created (resourceVersion 502) with another container
/// state, and its kubelet <c>Pulled</c> event turned into the kubelet's <c>Failed</c> or <c>FailedMount</c> one. The
/// reasons and the message wording are the kubelet's.
/// </summary>
internal static class StartFailureObjects
{
    public const string Image = "registry.local/busybox:1.36";
    public const string Container = "dns-probe";
    public const string PulledMessage = "rpc error: code = NotFound desc = failed to pull and unpack image \"registry.local/busybox:1.36\": not found";
    public const string Uid = "42c285ef-9717-4c2c-9492-d1d024481d55";
    public const string ContainerPath = "spec.containers{dns-probe}";

    private static readonly Lazy<IReadOnlyList<string>> Lines = new(() => new RecordedStreams("ordered-lifecycle").Lines("pods"));
    private static readonly Lazy<IReadOnlyList<string>> EventLines = new(() => new RecordedStreams("ordered-lifecycle").Lines("events"));

    public static string Namespace => "ordered-lifecycle";

    /// <summary>The recorded watch line of dns-probe at <paramref name="resourceVersion"/>.</summary>
    public static string ProbeLine(string resourceVersion) =>
        Lines.Value.Single(l => l.Contains("\"name\":\"dns-probe\",\"namespace\"", StringComparison.Ordinal) && RecordedStreams.ResourceVersion(l) == resourceVersion);

    /// <summary>The recorded dns-probe while its container was created, as JSON to edit.</summary>
    public static JsonObject CreatingProbe() => (JsonObject)JsonNode.Parse(RecordedStreams.ObjectJson(ProbeLine("502")))!;

    /// <summary>The probe with its one container waiting for <paramref name="reason"/> (the kubelet's message with it).</summary>
    public static JsonObject Waiting(string reason, string? message)
    {
        var pod = CreatingProbe();
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }

        pod["status"]!["containerStatuses"]![0]!["state"] = new JsonObject { ["waiting"] = waiting };
        return pod;
    }

    /// <summary>The probe once its container runs (phase Running, state running since the recorded start).</summary>
    public static JsonObject Running()
    {
        var pod = CreatingProbe();
        pod["status"]!["phase"] = "Running";
        pod["status"]!["containerStatuses"]![0]!["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2026-11-20T21:52:54Z" } };
        pod["status"]!["containerStatuses"]![0]!["started"] = true;
        return pod;
    }

    /// <summary>
    /// The probe while its container is being created (Pending, ContainerCreating), with a volume <c>creds</c> of the
    /// Secret <c>db-creds</c> mounted at /etc/creds, as a pod waiting for that Secret's mount stays.
    /// </summary>
    public static JsonObject MountingSecret()
    {
        var pod = CreatingProbe();
        pod["spec"]!["volumes"]!.AsArray().Add(new JsonObject { ["name"] = "creds", ["secret"] = new JsonObject { ["secretName"] = "db-creds" } });
        pod["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Add(new JsonObject { ["name"] = "creds", ["mountPath"] = "/etc/creds" });
        return pod;
    }

    public static V1Pod Pod(JsonObject pod) => KubernetesJson.Deserialize<V1Pod>(pod.ToJsonString());

    /// <summary>
    /// The kubelet's event for <paramref name="count"/> failed pulls of the image: the recorded Pulled event of the
    /// probe as Warning Failed "Failed to pull image …", <paramref name="count"/> and lastTimestamp set.
    /// </summary>
    public static Corev1Event FailedPulls(int count, string uid = Uid, string fieldPath = ContainerPath,
        string message = $"Failed to pull image \"{Image}\": {PulledMessage}", int second = 54) =>
        KubernetesJson.Deserialize<Corev1Event>(KubeletEvent("Failed", message, count, uid, fieldPath, second).ToJsonString());

    /// <summary>
    /// A kubelet Warning event of <paramref name="reason"/> about the probe, <paramref name="count"/> times: the recorded
    /// Pulled event of the probe with its reason, message, count, lastTimestamp and involvedObject's uid and fieldPath
    /// set (a null <paramref name="fieldPath"/> removes it, as the kubelet's pod-level events such as FailedMount carry none).
    /// </summary>
    public static JsonObject KubeletEvent(string reason, string message, int count, string uid = Uid, string? fieldPath = ContainerPath, int second = 54)
    {
        var recorded = (JsonObject)JsonNode.Parse(RecordedStreams.ObjectJson(EventLines.Value.First(l =>
            l.Contains("\"reason\":\"Pulled\"", StringComparison.Ordinal) && l.Contains("\"name\":\"dns-probe\"", StringComparison.Ordinal))))!;
        recorded["metadata"]!["name"] = $"dns-probe.{reason.ToLowerInvariant()}-{second}";
        recorded["metadata"]!["uid"] = $"event-{reason.ToLowerInvariant()}-{second}";
        recorded["involvedObject"]!["uid"] = uid;
        if (fieldPath is null)
        {
            recorded["involvedObject"]!.AsObject().Remove("fieldPath");
        }
        else
        {
            recorded["involvedObject"]!["fieldPath"] = fieldPath;
        }

        recorded["type"] = "Warning";
        recorded["reason"] = reason;
        recorded["message"] = message;
        recorded["count"] = count;
        recorded["lastTimestamp"] = $"2026-11-20T21:53:{second:00}Z";
        return recorded;
    }

    /// <summary>The event as a <see cref="Corev1Event"/>.</summary>
    public static Corev1Event Event(JsonObject recorded) => KubernetesJson.Deserialize<Corev1Event>(recorded.ToJsonString());

    /// <summary>A MODIFIED watch line carrying <paramref name="pod"/> at <paramref name="resourceVersion"/>.</summary>
    public static string Modified(JsonObject pod, string resourceVersion)
    {
        pod["metadata"]!["resourceVersion"] = resourceVersion;
        return new JsonObject { ["type"] = "MODIFIED", ["object"] = pod }.ToJsonString();
    }
}
