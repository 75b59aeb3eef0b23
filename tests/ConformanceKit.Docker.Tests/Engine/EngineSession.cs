namespace ConformanceKit.Docker.Tests.Engine;

/// <summary>What the engine tests share: one client, one session id on every container, the local busybox image.</summary>
internal static class EngineSession
{
    public const string SessionLabel = "conformancekit.io/session";

    public static readonly string Id = "selftest-" + Guid.NewGuid().ToString("N")[..10];

    private static DockerClient? _client;

    public static DockerClient Client => _client ?? throw new InvalidOperationException("The engine session was not set up.");

    public static string Image => LocalBusyboxImage.DefaultTag;

    public static string LabelFilter => $"{SessionLabel}={Id}";

    internal static void Open(DockerClient client) => _client = client;

    internal static void Close()
    {
        _client?.Dispose();
        _client = null;
    }

    public static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string> { [SessionLabel] = Id };
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>Creates and starts a busybox container labelled with the session; disposing removes it.</summary>
    public static async Task<TestContainer> StartAsync(ContainerSpec? spec = null, params string[] cmd)
    {
        var full = (spec ?? new ContainerSpec(Image)) with { Cmd = cmd.Length > 0 ? cmd : spec?.Cmd };
        full = full with { Labels = new Dictionary<string, string>(full.Labels ?? new Dictionary<string, string>()) { [SessionLabel] = Id } };
        var id = await Client.CreateContainerAsync(full, Timeout());
        var container = new TestContainer(id);
        try
        {
            await Client.StartContainerAsync(id, Timeout());
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        return container;
    }
}
