using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// Watches pods, claims and events of one namespace from before a scenario acts until it is disposed, feeds a
/// <see cref="TimelineBuilder"/>, and lets the scenario wait on conditions that are re-evaluated on every watch
/// event (so waits react within milliseconds and never poll or sleep).
/// </summary>
public sealed partial class ScenarioRecorder : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly TimelineBuilder _builder;
    private readonly NamespaceState _state = new();
    private readonly List<PendingWait> _pending = [];
    private readonly List<ConditionWait> _waits = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _clock;
    private readonly List<Task> _loops = [];
    private Exception? _fault;
    private int _workloadsWatched;

    private ScenarioRecorder(string @namespace, TimeProvider clock)
    {
        Namespace = @namespace;
        _clock = clock;
        _builder = new TimelineBuilder(clock);
    }

    /// <summary>The namespace recorded.</summary>
    public string Namespace { get; }

    /// <summary>The state after the latest watch event.</summary>
    public NamespaceView Current
    {
        get
        {
            lock (_gate)
            {
                return _state.View(_builder.Build);
            }
        }
    }

    /// <summary>
    /// Lists pods, claims and events of <paramref name="namespace"/> and starts watching each from its list's
    /// resourceVersion; returns once the three lists are in, so nothing the scenario does afterwards is missed.
    /// </summary>
    public static async Task<ScenarioRecorder> StartAsync(
        KubeClient client, string @namespace, TimeProvider? clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var recorder = new ScenarioRecorder(@namespace, clock ?? TimeProvider.System);
        try
        {
            await recorder.StartAsync<V1Pod>(client, e => recorder.Feed(e, recorder._state.Apply, recorder._builder.Observe), cancellationToken).ConfigureAwait(false);
            await recorder.StartAsync<V1PersistentVolumeClaim>(client, e => recorder.Feed(e, recorder._state.Apply, recorder._builder.Observe), cancellationToken).ConfigureAwait(false);
            await recorder.StartAsync<Corev1Event>(client, e => recorder.Feed(e, recorder._state.Apply, recorder._builder.Observe), cancellationToken).ConfigureAwait(false);
            return recorder;
        }
        catch
        {
            await recorder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Also records the namespace's StatefulSets (generation, update strategy, status revisions) and ControllerRevisions
    /// (hash, revision number) into the timeline, by list then watch like the pods; returns once both lists are in.
    /// Opt-in, for the update scenarios: the other scenarios need neither stream (nor the right to list revisions).
    /// Calling it again does nothing.
    /// </summary>
    public async Task WatchWorkloadsAsync(KubeClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (Interlocked.Exchange(ref _workloadsWatched, 1) == 1)
        {
            return;
        }

        await StartAsync<V1StatefulSet>(client, e => Feed(e, static _ => { }, _builder.Observe), cancellationToken).ConfigureAwait(false);
        await StartAsync<V1ControllerRevision>(client, e => Feed(e, static _ => { }, _builder.Observe), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the scenario did something, now (observer's clock).</summary>
    public DateTimeOffset MarkStep(string label)
    {
        var now = _clock.GetUtcNow();
        _builder.MarkStep(label, now);
        return now;
    }

    /// <summary>A snapshot of the timeline so far.</summary>
    public Timeline.Timeline BuildTimeline() => _builder.Build();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task StartAsync<T>(KubeClient client, Action<WatchEvent<T>> feed, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var loop = await WatchPump.StartAsync(client, Namespace, _clock, feed, Fail, _stop.Token, cancellationToken).ConfigureAwait(false);
        _loops.Add(loop);
    }

    private void Feed<T>(WatchEvent<T> e, Action<WatchEvent<T>> toState, Action<WatchEvent<T>> toBuilder)
    {
        if (e.Type == WatchEventType.Bookmark)
        {
            return;
        }

        lock (_gate)
        {
            toState(e);
            toBuilder(e);
            if (_pending.Count == 0)
            {
                return;
            }

            var view = _state.View(_builder.Build);
            foreach (var wait in _pending.Where(w => w.TryComplete(view)).ToList())
            {
                _pending.Remove(wait);
                if (wait.Completion.Task.IsCompletedSuccessfully)
                {
                    _waits.Add(new ConditionWait(wait.Description, wait.Started, _clock.GetUtcNow(), e.ObservedAt));
                }
            }
        }
    }

    private void Fail(Exception error)
    {
        lock (_gate)
        {
            _fault ??= error;
            foreach (var wait in _pending)
            {
                wait.Completion.TrySetException(error);
            }

            _pending.Clear();
        }
    }
}
