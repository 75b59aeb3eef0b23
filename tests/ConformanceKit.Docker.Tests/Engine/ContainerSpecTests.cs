using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

[DependsOnFixture(typeof(ContainerLifecycleTests), AllowFailure = true)]
public sealed class ContainerSpecTests
{
    [Test]
    public async Task Create_WithEnvTmpfsBindAndEntrypoint_AppliesEachInsideTheContainer()
    {
        // Given a host folder holding a file, and a spec with env, a tmpfs, a read-only bind and an entrypoint
        var hostDir = Directory.CreateTempSubdirectory("ck-bind-");
        try
        {
            var value = Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(Path.Combine(hostDir.FullName, "bound.txt"), value);
            var spec = new ContainerSpec(EngineSession.Image)
            {
                Env = new Dictionary<string, string> { ["CK_VALUE"] = value },
                Tmpfs = new Dictionary<string, string> { ["/run"] = "", ["/scratch"] = "size=1m" },
                Binds = [$"{hostDir.FullName}:/bound:ro"],
                Entrypoint = ["sleep"],
            };

            // When it starts (the command is the entrypoint's argument) and is looked into
            await using var container = await EngineSession.StartAsync(spec, "300");
            var env = await EngineSession.Client.ExecAsync(container.Id, ["sh", "-c", "echo $CK_VALUE"], EngineSession.Timeout());
            var mounts = await EngineSession.Client.ExecAsync(container.Id, ["cat", "/proc/mounts"], EngineSession.Timeout());
            var bound = await EngineSession.Client.ExecAsync(container.Id, ["cat", "/bound/bound.txt"], EngineSession.Timeout());
            var readOnly = await EngineSession.Client.ExecAsync(container.Id, ["touch", "/bound/new"], EngineSession.Timeout());
            var pid1 = await EngineSession.Client.ExecAsync(container.Id, ["cat", "/proc/1/cmdline"], EngineSession.Timeout());

            // Then each part of the spec is visible, and the read-only bind refuses writes
            env.Stdout.Trim().ShouldBe(value);
            mounts.Stdout.ShouldContain("tmpfs /run tmpfs");
            mounts.Stdout.ShouldContain("tmpfs /scratch tmpfs");
            mounts.Stdout.ShouldNotContain("tmpfs /absent");
            bound.Stdout.ShouldBe(value);
            readOnly.ExitCode.ShouldNotBe(0);
            readOnly.Stderr.ShouldContain("Read-only");
            pid1.Stdout.Replace('\0', ' ').Trim().ShouldBe("sleep 300");
        }
        finally
        {
            hostDir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Create_WithAutoRemove_IsGoneOnceItExits()
    {
        // Given a container that removes itself when it stops
        var spec = new ContainerSpec(EngineSession.Image) { AutoRemove = true, Name = "ck-autoremove-" + Guid.NewGuid().ToString("N")[..8] };
        await using var container = await EngineSession.StartAsync(spec, "sh", "-c", "exit 0");

        // When we wait until the engine has removed it
        await EngineSession.Client.WaitContainerRemovedAsync(container.Id, EngineSession.Timeout());

        // Then neither inspect nor the list finds it
        (await EngineSession.Client.InspectContainerAsync(container.Id, EngineSession.Timeout())).ShouldBeNull();
        var named = (await EngineSession.Client.ListContainersAsync(EngineSession.LabelFilter, all: true, EngineSession.Timeout()))
            .Where(c => c.Names.Contains(spec.Name)).ToList();
        named.ShouldBeEmpty();
    }
}
