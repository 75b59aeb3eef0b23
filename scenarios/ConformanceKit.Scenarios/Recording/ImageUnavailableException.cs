using ConformanceKit.Scenarios.Diagnosis;

namespace ConformanceKit.Scenarios.Recording;

/// <summary>
/// A wait of the recorder ended early because a pod in its namespace can never start: an image its kubelet cannot
/// have (<see cref="ImagePullJudgement"/>). Bad input, not a broken promise: <see cref="Exception.Message"/> is one
/// line naming the pod, container, image, the kubelet's message and the flag to pass, and the report counts it as an
/// error.
/// </summary>
public sealed class ImageUnavailableException : Exception
{
    /// <summary>Creates the exception for what the judgement found; its message is <see cref="ImageUnavailable.Line"/>.</summary>
    public ImageUnavailableException(ImageUnavailable unavailable)
        : base((unavailable ?? throw new ArgumentNullException(nameof(unavailable))).Line)
    {
        Unavailable = unavailable;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ImageUnavailableException()
        : base("a pod cannot start: its image cannot be pulled")
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    public ImageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and a cause.</summary>
    public ImageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was found, when the judgement found it.</summary>
    public ImageUnavailable? Unavailable { get; }
}
