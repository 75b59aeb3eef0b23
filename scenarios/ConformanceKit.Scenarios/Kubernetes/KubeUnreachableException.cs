namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// The API server could not be reached (connection refused, reset, name not resolved) for the whole retry deadline.
/// The message names the server, the deadline and the last socket error, and says what to check.
/// </summary>
public sealed class KubeUnreachableException : Exception
{
    /// <summary>Creates the exception for a server that stayed unreachable.</summary>
    public KubeUnreachableException(Uri server, TimeSpan deadline, Exception lastError)
        : base(Format(server, deadline, lastError), lastError)
    {
        Server = server;
        Deadline = deadline;
    }

    /// <summary>The server that could not be reached.</summary>
    public Uri Server { get; }

    /// <summary>How long the client kept retrying.</summary>
    public TimeSpan Deadline { get; }

    private static string Format(Uri server, TimeSpan deadline, Exception lastError)
    {
        var socketError = lastError;
        while (socketError.InnerException is { } inner)
        {
            socketError = inner;
        }

        return $"the Kubernetes API server {server} could not be reached within the retry deadline of '{deadline}' " +
               $"(last error: {socketError.Message}); check that the cluster is running and that the kubeconfig's server URL and port are right";
    }
}
