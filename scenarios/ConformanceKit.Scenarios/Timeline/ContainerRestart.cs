namespace ConformanceKit.Scenarios.Timeline;

/// <summary>
/// A container that finished and was started again inside the same pod (restartCount went up): when its previous
/// run finished (lastState.terminated.finishedAt) and when the new run started (state.running.startedAt).
/// </summary>
/// <param name="Container">The container's name.</param>
/// <param name="RestartCount">The restartCount of the new run (1 for the first restart).</param>
/// <param name="Finished">The previous run's finishedAt (server) and when its end was first seen (observer).</param>
/// <param name="Restarted">The new run's startedAt (server) and when it was seen running; null while it waits (e.g. back-off).</param>
/// <param name="ExitCode">The previous run's exit code, when the kubelet reported one.</param>
/// <param name="Reason">The previous run's termination reason (e.g. Completed, Error, OOMKilled).</param>
/// <param name="PreviousContainerId">The runtime's ID of the run that finished (lastState.terminated.containerID), when reported.</param>
/// <param name="ContainerId">The runtime's ID of the new run (containerStatuses[].containerID once it runs), when reported.</param>
/// <param name="EndSeenAsTerminated">True when a watch event showed the previous run as state.terminated before the restart was reported.</param>
public sealed record ContainerRestart(
    string Container, int RestartCount, Instant Finished, Instant? Restarted, int? ExitCode, string? Reason,
    string? PreviousContainerId = null, string? ContainerId = null, bool EndSeenAsTerminated = false)
{
    /// <summary>
    /// True when the watch delivered the end of the previous run and the start of the new one in separate events, so
    /// the observer's clock (millisecond precision) can time the gap; false when one event carried both (the kubelet
    /// killed and started the container in one sync), where only the whole-second server stamps can.
    /// </summary>
    public bool EndSeenApart => EndSeenAsTerminated && Restarted is { } r && r.Sequence > Finished.Sequence;
}
