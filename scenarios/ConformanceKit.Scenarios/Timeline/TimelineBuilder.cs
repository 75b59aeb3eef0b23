using ConformanceKit.Kube.Models;

namespace ConformanceKit.Scenarios.Timeline;

/// <summary>
/// Turns watch events on pods, claims and events (and the scenario's own steps) into a <see cref="Timeline"/>.
/// Pure and thread-safe: the recorder feeds it from concurrent watches; tests feed it recorded streams.
/// </summary>
public sealed class TimelineBuilder
{
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly Dictionary<string, PodState> pods = new(StringComparer.Ordinal);
    private readonly List<string> podOrder = [];
    private readonly Dictionary<string, ClaimState> claims = new(StringComparer.Ordinal);
    private readonly List<string> claimOrder = [];
    private readonly Dictionary<string, int> eventIndex = new(StringComparer.Ordinal);
    private readonly List<TimelineEvent> events = [];
    private readonly List<TimelineStep> steps = [];
    private long sequence;

    /// <summary>Creates a builder; <paramref name="clock"/> stamps steps marked without a time (default: system).</summary>
    public TimelineBuilder(TimeProvider? clock = null) => this.clock = clock ?? TimeProvider.System;

    /// <summary>Records a pod watch event (bookmarks and object-less events are ignored).</summary>
    public void Observe(WatchEvent<Pod> e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Object is not { } pod || !IsObjectEvent(e.Type))
        {
            return;
        }

        lock (gate)
        {
            var seq = ++sequence;
            var uid = pod.Metadata.Uid ?? pod.Metadata.Name ?? "?";
            if (!pods.TryGetValue(uid, out var state))
            {
                var created = new Instant(pod.Metadata.CreationTimestamp, e.ObservedAt, seq);
                state = new PodState(uid, pod.Metadata.Name ?? uid, created);
                pods.Add(uid, state);
                podOrder.Add(uid);
            }

            state.Apply(pod, e.Type, e.ObservedAt, seq);
        }
    }

    /// <summary>Records a claim watch event (bookmarks and object-less events are ignored).</summary>
    public void Observe(WatchEvent<PersistentVolumeClaim> e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Object is not { } claim || !IsObjectEvent(e.Type))
        {
            return;
        }

        lock (gate)
        {
            var seq = ++sequence;
            var uid = claim.Metadata.Uid ?? claim.Metadata.Name ?? "?";
            if (!claims.TryGetValue(uid, out var state))
            {
                var created = new Instant(claim.Metadata.CreationTimestamp, e.ObservedAt, seq);
                state = new ClaimState(uid, claim.Metadata.Name ?? uid, created);
                claims.Add(uid, state);
                claimOrder.Add(uid);
            }

            state.Apply(claim, e.Type, e.ObservedAt, seq);
        }
    }

    /// <summary>Records a core/v1 event; a MODIFIED event (count went up) updates the entry in place.</summary>
    public void Observe(WatchEvent<Event> e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Object is not { } ev || e.Type is not (WatchEventType.Added or WatchEventType.Modified))
        {
            return;
        }

        lock (gate)
        {
            var seq = ++sequence;
            var server = ev.LastTimestamp ?? ev.EventTime ?? ev.FirstTimestamp;
            var entry = new TimelineEvent(
                new Instant(server, e.ObservedAt, seq),
                ev.InvolvedObject?.Kind ?? "",
                ev.InvolvedObject?.Name ?? "",
                ev.Type ?? "",
                ev.Reason ?? "",
                ev.Message ?? "",
                ev.Count ?? 1);
            var key = ev.Metadata.Uid ?? ev.Metadata.Name ?? seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (eventIndex.TryGetValue(key, out var index))
            {
                events[index] = entry;
            }
            else
            {
                eventIndex.Add(key, events.Count);
                events.Add(entry);
            }
        }
    }

    /// <summary>Records what the scenario did at <paramref name="at"/>.</summary>
    public void MarkStep(string label, DateTimeOffset at)
    {
        lock (gate)
        {
            steps.Add(new TimelineStep(label, at));
        }
    }

    /// <summary>Records what the scenario did, now (by the builder's clock).</summary>
    public void MarkStep(string label) => MarkStep(label, clock.GetUtcNow());

    /// <summary>A snapshot of everything observed so far; the builder can keep observing afterwards.</summary>
    public Timeline Build()
    {
        lock (gate)
        {
            var podHistories = podOrder.Select(uid => pods[uid].ToHistory()).ToList();
            podHistories.Sort((a, b) => Instant.Compare(a.Created, b.Created));
            var claimHistories = claimOrder.Select(uid => claims[uid].ToHistory()).ToList();
            claimHistories.Sort((a, b) => Instant.Compare(a.Created, b.Created));
            return new Timeline
            {
                Pods = podHistories,
                Claims = claimHistories,
                Events = [.. events],
                Steps = [.. steps.OrderBy(s => s.At)],
            };
        }
    }

    private static bool IsObjectEvent(WatchEventType type) =>
        type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted;
}
