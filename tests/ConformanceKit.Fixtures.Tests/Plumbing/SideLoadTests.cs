using System.Formats.Tar;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: side-loading up to the import command, in a stand-in container that has no ctr.</summary>
public sealed class SideLoadTests
{
    [Test]
    public async Task LoadImage_IntoStandIn_CopiesTheSavedImageAndRunsCtrImport()
    {
        // Given a running stand-in container (busybox: no ctr)
        var docker = await Engine.GetAsync();
        await using var cluster = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);
        var target = ImageSideLoader.PathInContainer(Engine.Image);

        // When the local busybox image is side-loaded
        var error = await Should.ThrowAsync<ClusterStartException>(() => cluster.LoadImageAsync(Engine.Image, CancellationToken.None));

        // Then the exact import command ran and failed clearly, after the saved image was copied in
        error.Message.ShouldContain($"'ctr -n k8s.io images import {target}'");
        error.Message.ShouldContain("exited with code");
        error.Message.ShouldContain(cluster.ContainerId[..12]);
        (await ReadSavedImageEntriesAsync(docker, cluster.ContainerId, target)).ShouldContain("manifest.json");
    }

    [Test]
    public async Task LoadImage_UnknownImage_FailsBeforeCopyingAnything()
    {
        // Given a running stand-in container
        var docker = await Engine.GetAsync();
        await using var cluster = await K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300"), keep: false, CancellationToken.None);

        // When an image the engine does not have is side-loaded
        var error = await Should.ThrowAsync<ClusterStartException>(() => cluster.LoadImageAsync("conformancekit/absent:none", CancellationToken.None));

        // Then it says the engine lacks the image, no ctr ran, and nothing was copied
        error.Message.ShouldContain("'conformancekit/absent:none': no such image in the Docker engine");
        error.Message.ShouldNotContain("ctr");
        var probe = await docker.ExecAsync(cluster.ContainerId, ["test", "-e", "/" + ImageSideLoader.Directory]);
        probe.ExitCode.ShouldBe(1);
    }

    [Test]
    public void ImportCommand_IsCtrInTheKubernetesNamespace()
    {
        // Given a path, When the command is built, Then it imports into containerd's k8s.io namespace
        ImageSideLoader.ImportCommand("/ck-images/x.tar").ShouldBe(["ctr", "-n", "k8s.io", "images", "import", "/ck-images/x.tar"]);
        ImageSideLoader.PathInContainer("registry.local:5000/team/app:1.2").ShouldBe("/ck-images/registry-local-5000-team-app-1-2.tar");
    }

    private static async Task<List<string>> ReadSavedImageEntriesAsync(ConformanceKit.Docker.DockerClient docker, string container, string path)
    {
        await using var archive = await docker.GetArchiveAsync(container, path);
        using var outer = new TarReader(archive);
        var file = await outer.GetNextEntryAsync() ?? throw new InvalidOperationException($"{path} is not in the container");
        using var inner = new TarReader(file.DataStream!);
        var names = new List<string>();
        while (await inner.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
