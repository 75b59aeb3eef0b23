namespace ConformanceKit.Scenarios.Checks;

/// <summary>Thrown by <see cref="CheckResultAssertions"/> when a check's outcome is not the expected one.</summary>
public sealed class CheckFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CheckFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
