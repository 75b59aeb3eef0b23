using System.Formats.Tar;
using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: air-gap tarballs and --load-image images are in k3s's images folder when the container starts.</summary>
public sealed class ImageTarballsTests
{
    private const string Seen = "/tmp/seen-at-start";

    [Test]
    public async Task Start_WithAirgapImagesAndALoadedImage_TheyAreInTheImagesFolderBeforeTheContainerRuns()
    {
        // Given two air-gap tarballs on the host (stand-ins with known content) and the local busybox image to load
        var folder = Directory.CreateTempSubdirectory("ck-airgap-").FullName;
        var first = Path.Combine(folder, "k3s-airgap-images-amd64.tar.zst");
        var second = Path.Combine(folder, "extra-images.tar");
        await File.WriteAllTextAsync(first, "first tarball");
        await File.WriteAllTextAsync(second, "second tarball");
        var engine = await Engine.GetAsync();
        try
        {
            // When a stand-in that lists the folder as its first act is started with them
            var options = Engine.StartedStandIn($"ls {ImageTarballs.Directory} > {Seen}; exec sleep 300") with
            {
                AirgapImages = [first, second],
                LoadImages = [Engine.Image],
            };
            await using var cluster = await K3sCluster.StartContainerOnlyAsync(engine, options, keep: false, CancellationToken.None);

            // Then the folder held all three at start, the air-gap files with their content, the image as a saved image
            var seen = await ReadTextAsync(cluster, Seen);
            var saved = Path.GetFileName(ImageTarballs.TargetFor(Engine.Image));
            seen.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["ck-conformancekit-busybox-local.tar", "extra-images.tar", "k3s-airgap-images-amd64.tar.zst"], ignoreOrder: true);
            saved.ShouldBe("ck-conformancekit-busybox-local.tar");
            (await ReadTextAsync(cluster, $"{ImageTarballs.Directory}/k3s-airgap-images-amd64.tar.zst")).ShouldBe("first tarball");
            (await ReadTextAsync(cluster, $"{ImageTarballs.Directory}/extra-images.tar")).ShouldBe("second tarball");
            (await EntriesAsync(cluster, ImageTarballs.TargetFor(Engine.Image))).ShouldContain("manifest.json");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Start_WithAMissingAirgapFile_FailsNamingItAndCreatesNoContainer()
    {
        // Given a path that does not exist
        var missing = Path.Combine(Path.GetTempPath(), $"ck-no-such-{Guid.NewGuid():N}.tar.zst");
        var engine = await Engine.GetAsync();

        // When a stand-in is started with it
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn("exec sleep 300") with { AirgapImages = [missing] }, keep: false, CancellationToken.None));

        // Then the message names the file and what to pass, and no container was created
        error.Message.ShouldContain(missing);
        error.Message.ShouldContain("k3s-airgap-images");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    [Test]
    public async Task Start_LoadingAnImageTheEngineLacks_FailsNamingItAndCreatesNoContainer()
    {
        // Given an image the engine does not have
        var engine = await Engine.GetAsync();

        // When a stand-in is started with it to load
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            K3sCluster.StartContainerOnlyAsync(engine, Engine.StartedStandIn("exec sleep 300") with { LoadImages = ["conformancekit/absent:none"] }, keep: false, CancellationToken.None));

        // Then it says the engine lacks the image, and no container was created
        error.Message.ShouldContain("--load-image 'conformancekit/absent:none': no such image in the Docker engine");
        (await Engine.OwnContainersAsync()).ShouldBeEmpty();
    }

    private static async Task<string> ReadTextAsync(K3sCluster cluster, string path) =>
        System.Text.Encoding.UTF8.GetString(await cluster.Container.ReadFileAsync(path));

    private static async Task<List<string>> EntriesAsync(K3sCluster cluster, string path)
    {
        using var tar = new TarReader(new MemoryStream(await cluster.Container.ReadFileAsync(path)));
        var names = new List<string>();
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
