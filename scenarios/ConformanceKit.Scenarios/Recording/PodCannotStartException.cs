using ConformanceKit.Scenarios.Diagnosis;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// A wait of the recorder ended early because a pod in its namespace can never start (<see cref="PodStartJudgement"/>):
/// an image its kubelet cannot have, a Secret or ConfigMap its namespace does not hold, or an API server that refuses
/// its StatefulSet's creation of it (so it never exists). Bad input or a cluster policy, not a broken promise:
/// <see cref="Exception.Message"/> is one line naming the pod, what stops it, the kubelet's or the API server's message
/// and what to do, and the report counts it as an error.
/// </summary>
public sealed class PodCannotStartException : Exception
{
    /// <summary>Creates the exception for what the judgement found; its message is <see cref="PodCannotStart.Line"/>.</summary>
    public PodCannotStartException(PodCannotStart cause)
        : base((cause ?? throw new ArgumentNullException(nameof(cause))).Line)
    {
        Cause = cause;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public PodCannotStartException()
        : base("a pod cannot start")
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    public PodCannotStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and a cause.</summary>
    public PodCannotStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// What was found (an <see cref="ImageUnavailable"/>, a <see cref="MissingConfigObject"/> or a <see cref="PodNotCreated"/>),
    /// when the judgement found it.
    /// </summary>
    public PodCannotStart? Cause { get; }
}
