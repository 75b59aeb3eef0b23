namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// A kubeconfig (or in-cluster service account) that cannot be used. The message is one line naming the file and
/// what is wrong, e.g. <c>kubeconfig /tmp/x.yaml: --context prod: context 'prod' is not defined; contexts defined: dev</c>.
/// </summary>
public sealed class KubeconfigException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public KubeconfigException()
        : base("the kubeconfig cannot be used")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    public KubeconfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    public KubeconfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
