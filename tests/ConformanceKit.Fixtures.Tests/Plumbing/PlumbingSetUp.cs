using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>After every plumbing test: no container of this test run remains.</summary>
[SetUpFixture]
public sealed class PlumbingSetUp
{
    [OneTimeTearDown]
    public async Task NoLabelledContainerRemainsAsync()
    {
        try
        {
            _ = await Engine.GetAsync();
        }
        catch (NoEngineException)
        {
            return;
        }

        var left = await Engine.OwnContainersAsync();
        foreach (var container in left)
        {
            await Engine.RemoveAsync(container.ID);
        }

        left.ShouldBeEmpty($"containers labelled {SessionLabels.Session}={Engine.Run.Id} were left behind");
    }
}
