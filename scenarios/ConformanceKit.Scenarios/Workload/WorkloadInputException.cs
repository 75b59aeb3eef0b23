namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The user's workload manifests cannot be used as given. <see cref="Exception.Message"/> is one line naming the file
/// (and document) and what to do; nothing has been applied when it is thrown.
/// </summary>
public sealed class WorkloadInputException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public WorkloadInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the parser's exception.</summary>
    public WorkloadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WorkloadInputException()
        : base("the workload manifests cannot be used")
    {
    }
}
