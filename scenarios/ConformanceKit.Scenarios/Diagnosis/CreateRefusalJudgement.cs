using System.Text.RegularExpressions;
using k8s.Models;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// Judges, from the namespace's events and pods, whether a StatefulSet's controller cannot create one of its pods at
/// all: the API server refuses the pod (or its claim) and the controller's <c>FailedCreate</c> Warning events on the
/// set, <c>create Pod web-0 in StatefulSet web failed error: …</c> or <c>create Claim data-web-0 for Pod web-0 in
/// StatefulSet web failed error: …</c>, have recurred for <see cref="RefusedSecondsBeforeHopeless"/> while that pod
/// does not exist. One of the judgements of <see cref="PodStartJudgement"/>, the one for pods that do not exist.
/// </summary>
internal static partial class CreateRefusalJudgement
{
    /// <summary>The StatefulSet controller's event reason for a pod or claim it could not create.</summary>
    public const string FailedCreate = "FailedCreate";

    /// <summary>
    /// How long, in seconds, the refusals of one pod must have recurred before they are taken as final. A count would
    /// not do: the controller retries a failed sync of the set after a per-item back-off that starts at 5 ms and
    /// doubles (up to 1000 s), so failure k comes 5 ms × (2^(k−1) − 1) after the first: ten failures within 2.6 s, a
    /// webhook that hiccups for 20 ms makes four. The span does: the 13th failure comes 20.5 s after the first, short
    /// of it, the 14th 41 s after, past it with room for the events' whole-second stamps (lastTimestamp −
    /// firstTimestamp reads 40 or 41). So a refusal that heals within some 40 s (a webhook's pod restarting, a quota
    /// freed by a pod that ends its grace period) never ends a run, while a lasting one ends it well inside a 3-minute
    /// step timeout, near the ~30 s the kubelet's judgements wait. Other syncs of the set (a pod of it changing) only
    /// add failures in between; they cannot make a short refusal look long.
    /// </summary>
    public const int RefusedSecondsBeforeHopeless = 30;

    // What the API server said is kept to this many characters in the line (a PodSecurity refusal of a container
    // that sets nothing names four controls in some 430); the whole message is in the report's events.
    private const int MessageLength = 400;

    /// <summary>
    /// The first pod (by StatefulSet, then pod name) that its StatefulSet cannot create, or null. <paramref name="pods"/>
    /// are the pods that exist; <paramref name="events"/> the namespace's, latest version of each.
    /// </summary>
    public static PodNotCreated? Judge(IReadOnlyCollection<V1Pod> pods, IReadOnlyList<Corev1Event> events)
    {
        var existing = pods.Select(p => p.Metadata.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var outcomes = events
            .Where(e => e.InvolvedObject is { Kind: "StatefulSet" })
            .Select(e => (Event: e, Outcome: Outcome(e)))
            .Where(x => x.Outcome is not null && x.Outcome.Value.Set == x.Event.InvolvedObject.Name && !existing.Contains(x.Outcome.Value.Pod))
            .ToList();
        return outcomes
            .GroupBy(x => (x.Outcome!.Value.Set, x.Outcome.Value.Pod))
            .OrderBy(g => g.Key.Set, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Pod, StringComparer.Ordinal)
            .Select(g => Refused(g.Key.Set, g.Key.Pod, [.. g]))
            .FirstOrDefault(r => r is not null);
    }

    // The pod's refusals since its last successful creation, when they span the limit.
    private static PodNotCreated? Refused(string set, string pod, List<(Corev1Event Event, (string Set, string Pod, string? Claim, string? Error)? Outcome)> outcomes)
    {
        var created = outcomes.Where(x => x.Outcome!.Value.Error is null).Select(x => Last(x.Event)).DefaultIfEmpty(DateTime.MinValue).Max();
        var failures = outcomes.Where(x => x.Outcome!.Value.Error is not null && Last(x.Event) > created).OrderBy(x => Last(x.Event)).ToList();
        if (failures.Count == 0)
        {
            return null;
        }

        // A failure event merged with one of before the last success carries that older first stamp: start no earlier.
        var since = failures.Min(x => First(x.Event)) is var first && first > created ? first : created;
        var seconds = (int)Math.Floor((Last(failures[^1].Event) - since).TotalSeconds);
        if (seconds < RefusedSecondsBeforeHopeless)
        {
            return null;
        }

        var (_, _, claim, error) = failures[^1].Outcome!.Value;
        var ns = failures[^1].Event.InvolvedObject.NamespaceProperty ?? failures[^1].Event.Metadata?.NamespaceProperty ?? "?";
        var count = failures.Sum(x => Math.Max(1, Math.Max(x.Event.Count ?? 0, x.Event.Series?.Count ?? 0)));
        return new PodNotCreated(ns, pod, set, claim, count, seconds, KubeletEvents.OneLine(error, MessageLength));
    }

    // The controller's create event about one pod (or its claim): a success (Error null) or a failure with its error.
    private static (string Set, string Pod, string? Claim, string? Error)? Outcome(Corev1Event e)
    {
        var message = KubeletEvents.Unmerged(e.Message);
        if (e.Reason == FailedCreate && e.Type == "Warning" && Failure().Match(message) is { Success: true } failed)
        {
            var claim = failed.Groups["claim"].Success ? failed.Groups["claim"].Value : null;
            return (failed.Groups["set"].Value, failed.Groups["pod"].Value, claim, failed.Groups["error"].Value);
        }

        return e.Reason == "SuccessfulCreate" && Success().Match(message) is { Success: true } created
            ? (created.Groups["set"].Value, created.Groups["pod"].Value, null, null)
            : null;
    }

    // When the event was first seen: the legacy recorder's firstTimestamp, or the events API's eventTime.
    private static DateTime First(Corev1Event e) => e.FirstTimestamp ?? e.EventTime ?? Last(e);

    // When it was last seen: the latest of its stamps (lastTimestamp, or the series' lastObservedTime).
    private static DateTime Last(Corev1Event e) =>
        new[] { e.LastTimestamp, e.Series?.LastObservedTime, e.EventTime, e.FirstTimestamp }.Max() ?? DateTime.MinValue;

    // The controller's words for a pod or claim it could not create; its words for a created pod.
    [GeneratedRegex(@"^create (?:Claim (?<claim>\S+) for )?Pod (?<pod>\S+) in StatefulSet (?<set>\S+) failed error: (?<error>.*)$", RegexOptions.Singleline)]
    private static partial Regex Failure();

    [GeneratedRegex(@"^create Pod (?<pod>\S+) in StatefulSet (?<set>\S+) successful")]
    private static partial Regex Success();
}
