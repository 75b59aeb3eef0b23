using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

public sealed class RemoteEngineTests
{
    [TestCase("docker.build.internal", 2376)]
    [TestCase("10.20.30.40", 2375)]
    public void EnsureReachable_EngineOnAnotherMachine_IsRefusedInOneLine(string host, int port)
    {
        // Given an engine reached over TCP on another machine
        var endpoint = new Uri($"tcp://{host}:{port}");

        // When / Then starting k3s there is refused, saying why and what to do
        var error = Should.Throw<ClusterStartException>(() => K3sCluster.EnsureReachable(endpoint, K3sOptions.Default));
        error.Message.ShouldContain($"tcp://{host}:{port}");
        error.Message.ShouldContain("--kubeconfig");
        error.Message.ShouldNotContain("\n");
    }

    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    [TestCase("[::1]")]
    public void EnsureReachable_EngineOnThisMachine_IsAccepted(string host)
    {
        // Given an engine on this machine (TCP on loopback, or the default unix socket)
        // When / Then nothing is refused
        Should.NotThrow(() => K3sCluster.EnsureReachable(new Uri($"tcp://{host}:2375"), K3sOptions.Default));
        Should.NotThrow(() => K3sCluster.EnsureReachable(new Uri("unix:///var/run/docker.sock"), K3sOptions.Default));
    }
}
