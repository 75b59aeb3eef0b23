using ConformanceKit.Conformance.Infrastructure;
using ConformanceKit.Conformance.Scenarios;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Steps;
using NUnit.Framework;

namespace ConformanceKit.Conformance;

/// <summary>
/// Starts (k3s) or attaches (kubeconfig) the run's one cluster before any conformance test and releases it after
/// the last. When the cluster cannot be had, every test in this assembly fails with that one reason.
/// </summary>
[SetUpFixture]
public sealed class ConformanceSetUp
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(15);

    [OneTimeSetUp]
    public async Task StartClusterAsync()
    {
        try
        {
            var options = ConformanceOptions.Read(name => TestContext.Parameters.Get(name));
            using var deadline = new CancellationTokenSource(StartLimit);
            var start = DateTimeOffset.UtcNow;
            var session = await ConformanceSession.StartAsync(options, Log, deadline.Token);
            ConformanceRun.Started(session);
            // Ctrl-C and the end of a run delete the namespaces: the Retained volumes of their claims go back to their
            // provisioner first (reclaimPolicy Delete), as each storage test's own cleanup does.
            session.Namespaces.BeforeDeleteAll = (names, ct) =>
                new VolumeSteps(session.Client, TimeSpan.FromSeconds(20)).HandBackRetainedAsync(names, ct);
            using var headerDeadline = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, session.Interrupted);
            var header = await RunHeaderFactory.CollectAsync(session, start, Log, headerDeadline.Token);
            Log($"run header: {RunHeaderJson.Write(ScenarioArtifacts.Directory, header)}");
        }
        catch (Exception error)
        {
            var reason = error is ClusterStartException or ArgumentException
                ? error.Message
                : $"The cluster could not be started: {error.GetType().Name}: {error.Message}";
            ConformanceRun.Failed(reason);
            Assert.Fail(reason);
        }
    }

    [OneTimeTearDown]
    public async Task ReleaseClusterAsync()
    {
        if (ConformanceRun.Take() is { } session)
        {
            await session.DisposeAsync();
        }
    }

    private static void Log(string line) => TestContext.Progress.WriteLine(line);
}
