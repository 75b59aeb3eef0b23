namespace ConformanceKit.Scenarios.Recording;

/// <summary>A condition a scenario awaits, evaluated by the recorder after every watch event.</summary>
internal sealed class PendingWait(Func<NamespaceView, bool> condition, string description, DateTimeOffset started)
{
    public TaskCompletionSource<NamespaceView> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => description;

    public DateTimeOffset Started => started;

    /// <summary>
    /// Evaluates the condition; a condition that throws fails the wait with that exception. A condition that does not
    /// hold while a pod of the namespace can never start (its image, a missing Secret or ConfigMap, a creation the API
    /// server refuses) fails the wait at once with a <see cref="PodCannotStartException"/>: every wait of a scenario
    /// passes here, and a scenario with such a pod would otherwise wait out its step timeout and end as a bare timeout.
    /// </summary>
    public bool TryComplete(NamespaceView view)
    {
        try
        {
            if (condition(view))
            {
                return Completion.TrySetResult(view);
            }
        }
        catch (Exception ex)
        {
            Completion.TrySetException(new InvalidOperationException($"the condition '{description}' threw: {ex.Message}", ex));
            return true;
        }

        if (view.CannotStart is { } cause)
        {
            Completion.TrySetException(new PodCannotStartException(cause));
            return true;
        }

        return false;
    }
}
