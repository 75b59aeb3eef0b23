using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using k8s;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// With a kubeconfig CA the package checks only that the server's certificate chains to it; this adds the check that
/// the certificate names the server (or the kubeconfig's tls-server-name), as kubectl does.
/// </summary>
internal static class ServerNameCheck
{
    public static k8s.Kubernetes Create(KubernetesClientConfiguration configuration, params DelegatingHandler[] handlers)
    {
        SocketsHttpHandler? handler = null;
        var previous = configuration.FirstMessageHandlerSetup;
        configuration.FirstMessageHandlerSetup = h =>
        {
            previous?.Invoke(h);
            handler = h;
        };
        try
        {
            var api = new k8s.Kubernetes(configuration, handlers);
            if (handler is not null && !configuration.SkipTlsVerify && handler.SslOptions.RemoteCertificateValidationCallback is { } chainCheck)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    NameMatches(configuration, certificate, ref errors) && chainCheck(sender, certificate, chain, errors);
            }

            return api;
        }
        finally
        {
            configuration.FirstMessageHandlerSetup = previous;
        }
    }

    private static bool NameMatches(KubernetesClientConfiguration configuration, X509Certificate? certificate, ref SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0)
        {
            return true;
        }

        if (string.IsNullOrEmpty(configuration.TlsServerName) || certificate is not X509Certificate2 presented || !presented.MatchesHostname(configuration.TlsServerName))
        {
            return false;
        }

        errors &= ~SslPolicyErrors.RemoteCertificateNameMismatch;
        return true;
    }
}
