using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

/// <summary>
/// A Kestrel HTTPS server on 127.0.0.1 that requires a client certificate issued by <c>clientCa</c> and answers
/// GET /whoami with the client certificate's common name.
/// </summary>
internal sealed class TlsEchoServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TlsEchoServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TlsEchoServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2 clientCa)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, clientCa);
        })));
        var app = builder.Build();
        app.MapGet("/whoami", (HttpContext context) =>
            context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) ?? "(none)");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TlsEchoServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
