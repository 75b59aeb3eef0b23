using System.Text.RegularExpressions;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// The kubelet's repeated events about one pod, as the start judgements count them: of this incarnation of the pod
/// (same UID, when both carry one), of one container when a field path is asked for, each with its repeat count (the
/// event's count, or its series' count where the recorder writes a series instead), oldest first.
/// </summary>
internal static partial class KubeletEvents
{
    // What client-go's event recorder (the kubelet's, the controllers') puts before a message once it merges similar
    // events of one object.
    private const string Combined = "(combined from similar events): ";

    /// <summary>
    /// The events of <paramref name="reason"/> about <paramref name="pod"/> (and <paramref name="fieldPath"/>, unless
    /// null or the event names none) whose message, without the merge prefix, <paramref name="matches"/>.
    /// </summary>
    public static List<(int Count, string Message)> Repeats(
        V1Pod pod, IReadOnlyList<Corev1Event> events, string reason, string? fieldPath, Func<string, bool> matches) =>
        events
            .Select((e, i) => (Event: e, Index: i, Message: Unmerged(e.Message)))
            .Where(x => x.Event.Reason == reason
                && matches(x.Message)
                && x.Event.InvolvedObject is { Kind: "Pod" } about
                && about.Name == pod.Metadata.Name
                && (string.IsNullOrEmpty(about.Uid) || string.IsNullOrEmpty(pod.Metadata.Uid) || about.Uid == pod.Metadata.Uid)
                && (fieldPath is null || string.IsNullOrEmpty(about.FieldPath) || about.FieldPath == fieldPath))
            .OrderBy(x => x.Event.Series?.LastObservedTime ?? x.Event.LastTimestamp ?? x.Event.EventTime ?? x.Event.FirstTimestamp ?? DateTime.MinValue)
            .ThenBy(x => x.Index)
            .Select(x => (Math.Max(1, Math.Max(x.Event.Count ?? 0, x.Event.Series?.Count ?? 0)), x.Message))
            .ToList();

    /// <summary>The field path the kubelet's container events carry: <c>spec.containers{name}</c>.</summary>
    public static string FieldPath(string field, string container) => $"spec.{field}{{{container}}}";

    /// <summary>
    /// A message on one line (whitespace collapsed), or "no message"; cut to <paramref name="maxLength"/> characters
    /// and an ellipsis when longer.
    /// </summary>
    public static string OneLine(string? message, int maxLength = int.MaxValue)
    {
        var said = Whitespace().Replace(message ?? "", " ").Trim();
        return said.Length == 0 ? "no message" : said.Length > maxLength ? said[..maxLength].TrimEnd() + " …" : said;
    }

    /// <summary>The container statuses of <paramref name="pod"/>, init containers first, each with its spec field.</summary>
    public static IEnumerable<(string Field, V1ContainerStatus Status)> Statuses(V1Pod pod) =>
        (pod.Status?.InitContainerStatuses ?? []).Select(s => (Field: "initContainers", Status: s))
            .Concat((pod.Status?.ContainerStatuses ?? []).Select(s => (Field: "containers", Status: s)));

    /// <summary>The message without the prefix client-go's event recorder (the kubelet's, the controllers') puts on merged events.</summary>
    public static string Unmerged(string? message) =>
        message is null ? "" : message.StartsWith(Combined, StringComparison.Ordinal) ? message[Combined.Length..] : message;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
