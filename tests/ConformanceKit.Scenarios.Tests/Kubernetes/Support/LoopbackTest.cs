using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Support;

/// <summary>Base for tests against a fresh loopback API server with the recorded discovery documents.</summary>
public abstract class LoopbackTest
{
    protected LoopbackApiServer Server { get; private set; } = null!;

    protected TestTokenSource Tokens { get; private set; } = null!;

    [SetUp]
    public async Task StartServerAsync()
    {
        Server = await LoopbackApiServer.StartAsync();
        Server.MapRecordedDiscovery();
        Tokens = new TestTokenSource("token-1", "token-2");
    }

    [TearDown]
    public async Task StopServerAsync() => await Server.DisposeAsync();

    protected KubeClient CreateClient(TimeSpan? retryDeadline = null) => KubeClient.Create(
        Server.CreateConnection(Tokens, Objects.Ns),
        new KubeClientOptions { RetryDeadline = retryDeadline ?? TimeSpan.FromSeconds(10), Warn = _ => { } });
}
