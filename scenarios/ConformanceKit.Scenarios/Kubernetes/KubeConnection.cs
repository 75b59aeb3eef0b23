using k8s;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// Where the API server is and how to authenticate: the package's client configuration, plus the place it came from
/// (e.g. "kubeconfig /home/me/.kube/config, context dev") for messages.
/// </summary>
/// <param name="Configuration">The loaded client configuration (server, TLS, credentials, namespace).</param>
/// <param name="Source">Where the configuration came from, for messages.</param>
public sealed record KubeConnection(KubernetesClientConfiguration Configuration, string Source)
{
    /// <summary>The API server's URL.</summary>
    public Uri Server => new(Configuration.Host);

    /// <summary>The context's default namespace, when it names one.</summary>
    public string? Namespace => Configuration.Namespace;
}
