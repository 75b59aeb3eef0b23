using ConformanceKit.Scenarios.Diagnosis;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// A wait of the recorder ended early because a pod in its namespace can never start (<see cref="PodStartJudgement"/>):
/// an image its kubelet cannot have, or a Secret or ConfigMap its namespace does not hold. Bad input, not a broken
/// promise: <see cref="Exception.Message"/> is one line naming the pod, what it lacks, the kubelet's message and what
/// to do, and the report counts it as an error.
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

    /// <summary>What was found (an <see cref="ImageUnavailable"/> or a <see cref="MissingConfigObject"/>), when the judgement found it.</summary>
    public PodCannotStart? Cause { get; }
}
