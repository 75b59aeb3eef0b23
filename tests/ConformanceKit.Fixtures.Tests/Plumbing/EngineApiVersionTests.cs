using System.Net;
using System.Net.Sockets;
using System.Text;
using ConformanceKit.Fixtures.Engine;
using ConformanceKit.Fixtures.Tests.Cli;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>
/// The engine's API version, read before Testcontainers is touched: an older engine gets DOCKER_API_VERSION set to
/// its own version (this machine's Docker 20.10 speaks 1.41), a newer one is never downgraded, the user's setting wins.
/// </summary>
public sealed class EngineApiVersionTests
{
    [Test]
    public async Task Probe_TheLocalEngine_ReadsItsVersion_AndAnOlderOneIsChosen()
    {
        // Given the local Docker 20.10 engine, When it is probed
        _ = await Engine.GetAsync();
        var probe = await EngineApiVersion.ProbeAsync(null, CancellationToken.None);

        // Then it answers API 1.41, which is below Testcontainers' 1.44 and so is the version to use
        probe.Failure.ShouldBeNull();
        probe.EngineApi.ShouldBe(new Version(1, 41));
        EngineApiVersion.Choose(probe.EngineApi!, null).ShouldBe(new Version(1, 41));
    }

    [Test]
    public async Task Probe_AStandInNewerEngine_IsNeverDowngraded()
    {
        // Given a stand-in engine on loopback that answers GET /version with API 1.47
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = ServeVersionOnceAsync(listener, "1.47");

        // When it is probed
        var probe = await EngineApiVersion.ProbeAsync(new Uri($"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"), CancellationToken.None);
        var path = await serving;

        // Then the unversioned path was asked, 1.47 was read, and nothing is chosen (Testcontainers' 1.44 stays)
        path.ShouldBe("/version");
        probe.EngineApi.ShouldBe(new Version(1, 47));
        EngineApiVersion.Choose(probe.EngineApi!, null).ShouldBeNull();
        EngineApiVersion.Choose(new Version(1, 44), null).ShouldBeNull();
    }

    [Test]
    public void Choose_TheUsersOwnSetting_AlwaysWins()
    {
        // Given an older engine and a user who set DOCKER_API_VERSION, When / Then nothing is chosen for them
        EngineApiVersion.Choose(new Version(1, 41), "1.40").ShouldBeNull();
        EngineApiVersion.Choose(new Version(1, 41), " ").ShouldBe(new Version(1, 41));
    }

    [Test]
    public async Task Probe_NoEngine_SaysWhyAndReadsNoVersion()
    {
        // Given a socket path nothing serves, When it is probed, Then the probe names the endpoint and a reason
        var socket = $"/tmp/ck-no-engine-{Guid.NewGuid():N}.sock";
        var probe = await EngineApiVersion.ProbeAsync(new Uri("unix://" + socket), CancellationToken.None);
        probe.EngineApi.ShouldBeNull();
        probe.Failure.ShouldNotBeNullOrWhiteSpace();
        probe.Endpoint.ToString().ShouldContain(socket);
    }

    [Test]
    public async Task Preflight_OlderEngineWithoutApiVersion_SetsItAndSaysSoOnce_ButNotWhenTheUserSetIt()
    {
        // Given the local 20.10 engine, When ck preflight runs without DOCKER_API_VERSION and with the user's own
        _ = await Engine.GetAsync();
        var unset = await CkProcess.RunAsync(new Dictionary<string, string?> { [EngineApiVersion.Variable] = null }, "preflight", "--k3s-image", Engine.Image);
        var chosen = await CkProcess.RunAsync(new Dictionary<string, string?> { [EngineApiVersion.Variable] = "1.41" }, "preflight", "--k3s-image", Engine.Image);

        // Then both pass; only the first says, once, that it uses 1.41
        unset.ExitCode.ShouldBe(0, unset.Stderr);
        unset.Stdout.Split('\n').Count(l => l.Contains("using DOCKER_API_VERSION=1.41", StringComparison.Ordinal)).ShouldBe(1);
        chosen.ExitCode.ShouldBe(0, chosen.Stderr);
        chosen.Stdout.ShouldNotContain("using DOCKER_API_VERSION");
    }

    [Test]
    public async Task Preflight_UserAsksForANewerApiThanTheEngineSpeaks_OneLineNamingBothVersions()
    {
        // Given the local 20.10 engine (API 1.41) and a user who set DOCKER_API_VERSION=1.44
        _ = await Engine.GetAsync();

        // When ck preflight checks k3s
        var (exit, stdout, stderr) = await CkProcess.RunAsync(new Dictionary<string, string?> { [EngineApiVersion.Variable] = "1.44" }, "preflight", "--k3s-image", Engine.Image);

        // Then one line says the engine speaks up to 1.41 and what to set, with a non-zero exit and no stack trace
        exit.ShouldBe(1, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldContain("speaks API up to 1.41, older than DOCKER_API_VERSION=1.44");
        lines[0].ShouldContain("set DOCKER_API_VERSION=1.41");
        stderr.ShouldNotContain("   at ");
    }

    private static async Task<string> ServeVersionOnceAsync(TcpListener listener, string apiVersion)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var requestLine = await reader.ReadLineAsync() ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
        {
            // headers
        }

        var body = $$"""{"Version":"99.0.0","ApiVersion":"{{apiVersion}}","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64"}""";
        var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(response));
        return requestLine.Split(' ')[1];
    }
}
