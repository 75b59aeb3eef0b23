using ConformanceKit.Fixtures.Session;
using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using NUnit.Framework;

namespace MyStatefulSet.Tests;

/// <summary>My StatefulSet on a real cluster: an ephemeral k3s in Docker, or the cluster CK_KUBECONFIG names.</summary>
[Category("Cluster")]
public sealed class MyStatefulSetOnACluster
{
    private ConformanceSession? session;

    [OneTimeSetUp]
    public async Task StartClusterAsync() =>
        session = await ConformanceSession.StartAsync(ConformanceOptions.Read(TestContext.Parameters.Get), TestContext.Progress.WriteLine, CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        if (session is not null) await session.DisposeAsync();
    }

    [Test, CancelAfter(600_000)]
    public async Task MyStatefulSet_StartsInOrder_ResolvesEachPod_AndGivesEachPodItsOwnClaim(CancellationToken ct)
    {
        // Given my manifests applied into a namespace of their own (deleted again at the end)
        await using var workload = await WorkloadUnderTest.StartAsync(session!, [ManifestFile.Path], ct);

        // When all its pods are Ready and each pod's name is looked up from a busybox pod
        await workload.WaitReadyAsync(ct);
        var dns = await workload.ResolvePodsAsync(ct);
        var timeline = workload.Timeline();

        // Then the pods started in order, each name resolves to its own pod, and each pod has its own Bound claim
        OrderedCreation.Check(timeline, workload.SetName).ShouldPass();
        dns.Check().ShouldPass();
        foreach (var template in workload.ClaimTemplates)
        {
            PerPodStorage.Check(timeline, template, workload.SetName, workload.Replicas).ShouldPass();
        }
    }
}
