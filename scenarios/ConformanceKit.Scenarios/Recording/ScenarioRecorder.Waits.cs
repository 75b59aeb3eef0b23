namespace ConformanceKit.Scenarios.Recording;

/// <summary>The recorder's waits: conditions re-evaluated on every watch event, each kept with its reaction time.</summary>
public sealed partial class ScenarioRecorder
{
    /// <summary>Every wait the scenario completed, with its reaction time.</summary>
    public IReadOnlyList<ConditionWait> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>
    /// Completes with the first view for which <paramref name="condition"/> holds, evaluated now and after every
    /// watch event; throws <see cref="TimeoutException"/> naming <paramref name="description"/>, the timeout and
    /// the namespace's state when it does not hold within <paramref name="timeout"/>. While it does not hold, a pod of
    /// the namespace that can never start (its image, a missing Secret or ConfigMap, a creation the API server refuses:
    /// <see cref="NamespaceView.CannotStart"/>)
    /// ends the wait at once with a <see cref="PodCannotStartException"/> carrying the one line that says so.
    /// </summary>
    public async Task<NamespaceView> WaitUntilAsync(
        Func<NamespaceView, bool> condition, TimeSpan timeout, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var wait = new PendingWait(condition, description, _clock.GetUtcNow());
        lock (_gate)
        {
            if (_fault is not null)
            {
                throw new InvalidOperationException($"the recorder of namespace '{Namespace}' stopped: {_fault.Message}", _fault);
            }

            if (wait.TryComplete(_state.View(_builder.Build)))
            {
                var view = wait.Completion.Task.GetAwaiter().GetResult();
                _waits.Add(new ConditionWait(description, wait.Started, _clock.GetUtcNow(), null));
                return view;
            }

            _pending.Add(wait);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        deadline.CancelAfter(timeout);
        await using var registration = deadline.Token.Register(() => wait.Completion.TrySetCanceled()).ConfigureAwait(false);
        try
        {
            return await wait.Completion.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{description} didn't happen within the allowed timeout of '{timeout:c}' in namespace '{Namespace}'; state: {Current.Describe()}");
        }
        catch (OperationCanceledException error) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's token is usually the test's own deadline: say what was still awaited, not just "canceled".
            var waited = _clock.GetUtcNow() - wait.Started;
            throw new OperationCanceledException(
                $"{description} was still awaited when the caller cancelled (test deadline or run aborted) after {waited:c} of its "
                + $"allowed '{timeout:c}' in namespace '{Namespace}'; state: {Current.Describe()}", error, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(wait);
            }
        }
    }
}
