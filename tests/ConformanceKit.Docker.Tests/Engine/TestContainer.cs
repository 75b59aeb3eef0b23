namespace ConformanceKit.Docker.Tests.Engine;

/// <summary>A container a test created; disposing removes it (forced, with volumes).</summary>
internal sealed class TestContainer(string id) : IAsyncDisposable
{
    public string Id { get; } = id;

    public async ValueTask DisposeAsync() =>
        await EngineSession.Client.RemoveContainerAsync(Id, force: true, volumes: true, EngineSession.Timeout());
}
