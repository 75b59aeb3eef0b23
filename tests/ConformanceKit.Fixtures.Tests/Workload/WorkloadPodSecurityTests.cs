using ConformanceKit.Fixtures.Session;
using ConformanceKit.Fixtures.Tests.Session;
using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Kubernetes;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>
/// WorkloadUnderTest's namespace enforces the PodSecurity level of its options, else the session's
/// (<c>CK_POD_SECURITY_LEVEL</c>), else none: what the loopback API server was sent.
/// </summary>
[CancelAfter(60_000)]
public sealed class WorkloadPodSecurityTests
{
    [TestCase(PodSecurityLevel.Baseline, null, "baseline")]
    [TestCase(PodSecurityLevel.Baseline, PodSecurityLevel.Privileged, "privileged")]
    [TestCase(null, PodSecurityLevel.Restricted, "restricted")]
    [TestCase(null, null, null)]
    public async Task Start_LabelsItsNamespaceWithTheOptionsLevel_ElseTheSessions_ElseNone(
        PodSecurityLevel? session, PodSecurityLevel? option, string? expected)
    {
        // Given the session's namespaces at one level (or none) and the workload's options at another (or none)
        await using var api = await WorkloadApiServer.StartAsync();
        using var client = KubeClient.Create(api.Server.CreateConnection());
        var namespaces = new TestNamespaces(client, api.Run) { PodSecurityLevel = session };
        var options = new WorkloadUnderTestOptions { PodSecurityLevel = option, CleanupTimeout = TimeSpan.FromSeconds(20) };

        // When the seed example is started and disposed
        var workload = await WorkloadUnderTest.StartAsync(client, namespaces, api.Plan(WorkloadApiServer.Example()), api.Labels, options, false, CancellationToken.None);
        var ns = workload.Namespace;
        await workload.DisposeAsync();

        // Then its namespace was sent with the enforce label of that level; with neither, without one (the control)
        var labels = TestNamespacesPodSecurityTests.SentLabels(api.Server, ns);
        labels.GetValueOrDefault(TestNamespaces.EnforceLabel).ShouldBe(expected);
        labels.Keys.Count(k => k.StartsWith("pod-security.kubernetes.io/", StringComparison.Ordinal)).ShouldBe(expected is null ? 0 : 1);
    }
}
