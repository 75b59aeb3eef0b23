using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests;

public sealed class BadEndpointTests
{
    [Test]
    public async Task Ping_OfASocketPathThatDoesNotExist_ThrowsUnavailableNamingIt()
    {
        // Given a client for a socket path nothing listens on
        var path = $"/tmp/ck-no-engine-{Guid.NewGuid():N}.sock";
        using var client = DockerClient.Create(DockerEndpoint.Unix(path));

        // When it pings
        var ex = await Should.ThrowAsync<DockerUnavailableException>(() => client.PingAsync(Timeout()));

        // Then the message names the endpoint and says what to do
        ex.Message.ShouldStartWith($"No Docker engine answered at unix://{path} (no socket file at {path})");
        ex.Message.ShouldContain("--kubeconfig");
        ex.Endpoint.SocketPath.ShouldBe(path);
    }

    [Test]
    public async Task AnyCall_ToAClosedTcpPort_ThrowsUnavailableNamingIt()
    {
        // Given a loopback port that was just closed
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = DockerClient.Create(DockerEndpoint.Tcp("127.0.0.1", port));

        // When a versioned call is made (which negotiates first)
        var ex = await Should.ThrowAsync<DockerUnavailableException>(() => client.ListContainersAsync(cancellationToken: Timeout()));

        // Then the message names the endpoint and the reason
        ex.Message.ShouldStartWith($"No Docker engine answered at tcp://127.0.0.1:{port} (");
        ex.Reason.ShouldContain("refused", Case.Insensitive);
        client.ApiVersion.ShouldBeNull();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
