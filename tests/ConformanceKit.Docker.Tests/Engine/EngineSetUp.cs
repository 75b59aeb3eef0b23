using NUnit.Framework;

namespace ConformanceKit.Docker.Tests.Engine;

/// <summary>
/// One engine for every test in this namespace: if no engine answers, every engine test fails with that one
/// reason (CI starts one with .ci/ensure-docker.sh). Imports the local busybox image when absent, and at the end
/// removes whatever still carries this session's label.
/// </summary>
[SetUpFixture]
public sealed class EngineSetUp
{
    [OneTimeSetUp]
    public async Task OpenAsync()
    {
        var client = DockerClient.Create();
        try
        {
            await client.PingAsync(EngineSession.Timeout(30));
            await LocalBusyboxImage.EnsureAsync(client, cancellationToken: EngineSession.Timeout(120));
        }
        catch
        {
            client.Dispose();
            throw;
        }

        EngineSession.Open(client);
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        try
        {
            var leftovers = await EngineSession.Client.ListContainersAsync(EngineSession.LabelFilter, all: true, EngineSession.Timeout());
            foreach (var container in leftovers)
            {
                await EngineSession.Client.RemoveContainerAsync(container.Id, force: true, volumes: true, EngineSession.Timeout());
            }
        }
        finally
        {
            EngineSession.Close();
        }
    }
}
