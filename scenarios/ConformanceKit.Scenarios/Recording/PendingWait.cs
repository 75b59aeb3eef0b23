namespace ConformanceKit.Scenarios.Recording;

/// <summary>A condition a scenario awaits, evaluated by the recorder after every watch event.</summary>
internal sealed class PendingWait(Func<NamespaceView, bool> condition, string description, DateTimeOffset started)
{
    public TaskCompletionSource<NamespaceView> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => description;

    public DateTimeOffset Started => started;

    /// <summary>Evaluates the condition; a condition that throws fails the wait with that exception.</summary>
    public bool TryComplete(NamespaceView view)
    {
        try
        {
            return condition(view) && Completion.TrySetResult(view);
        }
        catch (Exception ex)
        {
            Completion.TrySetException(new InvalidOperationException($"the condition '{description}' threw: {ex.Message}", ex));
            return true;
        }
    }
}
