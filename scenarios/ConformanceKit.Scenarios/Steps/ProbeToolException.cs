namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// A probe tool (nslookup, wget, sh) in a helper pod could not measure anything: it crashed on a signal or is not in
/// the image. An error of the harness's probe, never evidence about the cluster.
/// </summary>
public sealed class ProbeToolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProbeToolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProbeToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ProbeToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
