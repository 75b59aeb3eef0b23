using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

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
    private readonly Dictionary<string, StatefulSetState> sets = new(StringComparer.Ordinal);
    private readonly List<string> setOrder = [];
    private readonly Dictionary<string, ControllerRevisionState> revisions = new(StringComparer.Ordinal);
    private readonly List<string> revisionOrder = [];
    private readonly Dictionary<string, int> eventIndex = new(StringComparer.Ordinal);
    private readonly List<TimelineEvent> events = [];
    private readonly List<TimelineStep> steps = [];
    private long sequence;

    /// <summary>Creates a builder; <paramref name="clock"/> stamps steps marked without a time (default: system).</summary>
    public TimelineBuilder(TimeProvider? clock = null) => this.clock = clock ?? TimeProvider.System;

    /// <summary>Records a pod watch event (bookmarks and object-less events are ignored).</summary>
    public void Observe(WatchEvent<V1Pod> e) =>
        Record(e, pods, podOrder, static (uid, name, created) => new PodState(uid, name, created),
            static (state, pod, type, observed, seq) => state.Apply(pod, type, observed, seq));

    /// <summary>Records a claim watch event (bookmarks and object-less events are ignored).</summary>
    public void Observe(WatchEvent<V1PersistentVolumeClaim> e) =>
        Record(e, claims, claimOrder, static (uid, name, created) => new ClaimState(uid, name, created),
            static (state, claim, type, observed, seq) => state.Apply(claim, type, observed, seq));

    /// <summary>Records a StatefulSet watch event: its generation, update strategy and status, per observation.</summary>
    public void Observe(WatchEvent<V1StatefulSet> e) =>
        Record(e, sets, setOrder, static (uid, name, created) => new StatefulSetState(uid, name, created),
            static (state, set, type, observed, seq) => state.Apply(set, type, observed, seq));

    /// <summary>Records a ControllerRevision watch event: its hash, owner and revision number.</summary>
    public void Observe(WatchEvent<V1ControllerRevision> e) =>
        Record(e, revisions, revisionOrder, static (uid, name, created) => new ControllerRevisionState(uid, name, created),
            static (state, revision, type, observed, seq) => state.Apply(revision, type, observed, seq));

    /// <summary>Records a core/v1 event; a MODIFIED event (count went up) updates the entry in place.</summary>
    public void Observe(WatchEvent<Corev1Event> e)
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
                StatefulSets = [.. setOrder.Select(uid => sets[uid].ToHistory())],
                ControllerRevisions = [.. revisionOrder.Select(uid => revisions[uid].ToHistory())],
            };
        }
    }

    private static bool IsObjectEvent(WatchEventType type) =>
        type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted;

    /// <summary>Finds or starts the state of the event's object (by uid) and applies the event to it.</summary>
    private void Record<TObject, TState>(
        WatchEvent<TObject> e,
        Dictionary<string, TState> states,
        List<string> order,
        Func<string, string, Instant, TState> create,
        Action<TState, TObject, WatchEventType, DateTimeOffset, long> apply)
        where TObject : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Object is not { } item || !IsObjectEvent(e.Type))
        {
            return;
        }

        lock (gate)
        {
            var seq = ++sequence;
            var uid = item.Metadata.Uid ?? item.Metadata.Name ?? "?";
            if (!states.TryGetValue(uid, out var state))
            {
                state = create(uid, item.Metadata.Name ?? uid, new Instant(item.Metadata.CreationTimestamp, e.ObservedAt, seq));
                states.Add(uid, state);
                order.Add(uid);
            }

            apply(state, item, e.Type, e.ObservedAt, seq);
        }
    }
}
