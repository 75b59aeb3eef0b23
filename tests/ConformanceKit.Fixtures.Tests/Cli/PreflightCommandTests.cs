using System.Net;
using System.Net.Sockets;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>ck preflight, run as a process: bad targets end in one line and a non-zero exit, never a stack trace.</summary>
public sealed class PreflightCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ck-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Preflight_MalformedKubeconfig_OneLineNamingTheFile()
    {
        // Given a kubeconfig that is not YAML
        var path = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: v1\nclusters: [oops\n");

        // When ck preflight checks it
        var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "preflight", "--kubeconfig", path);

        // Then one line names the file and what to do, with a non-zero exit
        exit.ShouldBe(1);
        stdout.ShouldBeEmpty();
        OneLine(stderr).ShouldContain(path);
        stderr.ShouldContain("--kubeconfig");
    }

    [Test]
    public async Task Preflight_RefusingServer_OneLineNamingTheServer()
    {
        // Given a valid kubeconfig whose server refuses connections
        var port = ClosedPort();
        var path = Path.Combine(folder, "refusing.yaml");
        await File.WriteAllTextAsync(path, Plumbing.KubeconfigReadTests.K3sStyleKubeconfig.Replace(":6443", $":{port}"));

        // When ck preflight checks it
        var (exit, _, stderr) = await CkProcess.RunAsync(null, "preflight", "--kubeconfig", path);

        // Then one line names the server and /version, with a non-zero exit
        exit.ShouldBe(1);
        OneLine(stderr).ShouldContain($"127.0.0.1:{port}");
        stderr.ShouldContain("/version");
    }

    [Test]
    public async Task Preflight_NoEngineAndNoKubeconfig_SaysWhichEndpointAndHowToUseKubeconfig()
    {
        // Given DOCKER_HOST pointing at a socket nobody serves
        var socket = Path.Combine(folder, "docker.sock");

        // When ck preflight checks the k3s target
        var (exit, _, stderr) = await CkProcess.RunAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + socket }, "preflight");

        // Then one line names the endpoint and the --kubeconfig way
        exit.ShouldBe(1);
        OneLine(stderr).ShouldContain($"No Docker engine answered at unix://{socket}");
        stderr.ShouldContain("--kubeconfig PATH");
    }

    [Test]
    public async Task Preflight_PresentK3sImage_Passes_AndUnknownFlagIsAUsageError()
    {
        // Given the local engine (ignored without one) and an image it has standing in for k3s
        _ = await Plumbing.Engine.GetAsync();

        // When ck preflight checks k3s with that image, and when given an unknown flag
        var ok = await CkProcess.RunAsync(null, "preflight", "--k3s-image", Plumbing.Engine.Image);
        var usage = await CkProcess.RunAsync(null, "preflight", "--colour", "blue");

        // Then the first passes naming the engine and the image, the second is one usage line with exit 2
        ok.ExitCode.ShouldBe(0, ok.Stderr);
        ok.Stdout.ShouldContain($"preflight ok: Docker engine at");
        ok.Stdout.ShouldContain($"k3s image {Plumbing.Engine.Image} present");
        usage.ExitCode.ShouldBe(2);
        OneLine(usage.Stderr).ShouldContain("unknown flag '--colour'");
    }

    [Test]
    public async Task Preflight_APodSecurityLevelThatIsNone_IsOneUsageLine_AndALevelPassesToTheTargetCheck()
    {
        // Given a malformed kubeconfig, so that an accepted level goes on to a check that fails on its own (the control)
        var path = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: v1\nclusters: [oops\n");

        // When ck preflight is given 'strict' as a flag and as run-tests.sh hands it on (CK_POD_SECURITY_LEVEL), and 'baseline'
        var flag = await CkProcess.RunAsync(null, "preflight", "--kubeconfig", path, "--pod-security-level", "strict");
        var variable = await CkProcess.RunAsync(new Dictionary<string, string?> { ["CK_POD_SECURITY_LEVEL"] = "strict" }, "preflight", "--kubeconfig", path);
        var level = await CkProcess.RunAsync(null, "preflight", "--kubeconfig", path, "--pod-security-level", "baseline");

        // Then 'strict' is one usage line naming it and the three levels, exit 2; 'baseline' reaches the kubeconfig's failure
        foreach (var refused in new[] { flag, variable })
        {
            refused.ExitCode.ShouldBe(2);
            OneLine(refused.Stderr).ShouldBe(
                "ck: PodSecurityLevel (TestRunParameter PodSecurityLevel or CK_POD_SECURITY_LEVEL) is 'strict'; expected privileged, baseline or restricted");
        }

        level.ExitCode.ShouldBe(1);
        OneLine(level.Stderr).ShouldContain(path);
    }

    [Test]
    public async Task Preflight_AbsentK3sImageAndMissingArchive_OneLineNamingTheArchive()
    {
        // Given the local engine, an absent k3s image and an archive path that does not exist
        _ = await Plumbing.Engine.GetAsync();
        var archive = Path.Combine(folder, "k3s.tar");

        // When ck preflight checks k3s
        var (exit, _, stderr) = await CkProcess.RunAsync(null, "preflight", "--k3s-image", "conformancekit/absent:none", "--k3s-image-archive", archive);

        // Then one line names the archive and how to make it
        exit.ShouldBe(1);
        OneLine(stderr).ShouldContain($"--k3s-image-archive '{archive}' does not exist");
        stderr.ShouldContain("docker save conformancekit/absent:none");
    }

    [Test]
    public async Task Preflight_LoadImageTheEngineLacks_OneLineNamingIt()
    {
        // Given the local engine and a side-load image it does not have
        _ = await Plumbing.Engine.GetAsync();

        // When ck preflight checks k3s
        var (exit, _, stderr) = await CkProcess.RunAsync(null, "preflight", "--k3s-image", Plumbing.Engine.Image, "--load-image", "conformancekit/absent:none");

        // Then one line names the missing image
        exit.ShouldBe(1);
        OneLine(stderr).ShouldContain("--load-image 'conformancekit/absent:none' is not an image in the Docker engine");
    }

    [Test]
    public async Task Preflight_ReaperOnButItsImageCannotBeHad_OneLineNamingTheWayOut()
    {
        // Given the local engine, the reaper on, and a reaper image no registry here can provide
        _ = await Plumbing.Engine.GetAsync();
        var environment = new Dictionary<string, string?>
        {
            [Fixtures.Engine.ResourceReaperGate.DisableVariable] = "false",
            ["TESTCONTAINERS_RYUK_CONTAINER_IMAGE"] = "conformancekit/absent-reaper:none",
        };

        // When ck preflight checks k3s, with the reaper on and (the negative control) with it off
        var on = await CkProcess.RunAsync(environment, "preflight", "--k3s-image", Plumbing.Engine.Image);
        var off = await CkProcess.RunAsync(new Dictionary<string, string?> { [Fixtures.Engine.ResourceReaperGate.DisableVariable] = "true" }, "preflight", "--k3s-image", Plumbing.Engine.Image);

        // Then the first ends in one line naming the reaper, its image and TESTCONTAINERS_RYUK_DISABLED=true; the second
        // passes and says the reaper is off
        on.ExitCode.ShouldBe(1);
        var line = OneLine(on.Stderr);
        line.ShouldContain("resource reaper (conformancekit/absent-reaper:none) could not be started");
        line.ShouldContain("TESTCONTAINERS_RYUK_DISABLED=true");
        off.ExitCode.ShouldBe(0, off.Stderr);
        off.Stdout.ShouldContain("resource reaper is off");
    }

    private static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, $"expected one line, got: {stderr}");
        stderr.ShouldNotContain("   at ");
        return lines[0];
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
