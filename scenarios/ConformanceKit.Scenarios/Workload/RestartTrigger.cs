using System.Globalization;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The rolling-update trigger, as <c>kubectl rollout restart</c> does it: a pod-template annotation
/// <c>kubectl.kubernetes.io/restartedAt</c> with the time, which changes the template and nothing the application
/// reads. Only a RollingUpdate strategy rolls the pods by itself; OnDelete is skipped.
/// </summary>
public static class RestartTrigger
{
    /// <summary>The annotation's key.</summary>
    public const string Annotation = "kubectl.kubernetes.io/restartedAt";

    /// <summary>Whether the rolling update can be shown, and over which ordinals.</summary>
    public static PromiseVerdict Judge(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var strategy = set.Spec?.UpdateStrategy?.Type;
        var replicas = set.Spec?.Replicas ?? 1;
        var partition = set.Spec?.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
        return strategy switch
        {
            "OnDelete" => PromiseVerdict.Skip(WorkloadPromises.RollingUpdate,
                "updateStrategy is OnDelete: a template change replaces no pod until the pod is deleted, so there is no rolling update to check"),
            null or "" or "RollingUpdate" when partition >= replicas => PromiseVerdict.Skip(WorkloadPromises.RollingUpdate,
                $"rollingUpdate.partition is {partition} with {replicas} replicas: no ordinal is at or above the partition, so no pod would be updated"),
            null or "" or "RollingUpdate" => PromiseVerdict.Check(WorkloadPromises.RollingUpdate,
                $"a {Annotation} pod-template annotation (as kubectl rollout restart) replaces {(partition > 0 ? $"ordinals {partition}..{replicas - 1}" : "every pod")} from the highest ordinal down, each after the one above is Ready"),
            _ => PromiseVerdict.Skip(WorkloadPromises.RollingUpdate, $"updateStrategy {strategy} is not one the API knows (RollingUpdate, OnDelete)"),
        };
    }

    /// <summary>The annotation value for <paramref name="at"/>, moved on a second if the template already has that value (it must change).</summary>
    public static string Value(V1StatefulSet set, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(set);
        var value = Format(at);
        var current = set.Spec?.Template?.Metadata?.Annotations?.TryGetValue(Annotation, out var existing) == true ? existing : null;
        return value == current ? Format(at.AddSeconds(1)) : value;
    }

    /// <summary>The JSON merge patch that sets the annotation on the set's pod template.</summary>
    public static string PatchJson(V1StatefulSet set, DateTimeOffset at)
    {
        var body = new Dictionary<string, object>
        {
            ["spec"] = new Dictionary<string, object>
            {
                ["template"] = new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["annotations"] = new Dictionary<string, string> { [Annotation] = Value(set, at) } },
                },
            },
        };
        return KubernetesJson.Serialize(body);
    }

    /// <summary>The patch, ready for the client's PatchNamespacedStatefulSetAsync.</summary>
    public static V1Patch Patch(V1StatefulSet set, DateTimeOffset at) => new(PatchJson(set, at), V1Patch.PatchType.MergePatch);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
