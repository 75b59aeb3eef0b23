using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: air-gap image tarballs land in k3s's images folder before the container starts.</summary>
public sealed class AirgapImagesTests
{
    [Test]
    public async Task CreateContainer_WithAirgapImages_PutsEachFileInTheK3sImagesFolderBeforeStart()
    {
        // Given two tarballs on the host (stand-ins with known content)
        var folder = Directory.CreateTempSubdirectory("ck-airgap-").FullName;
        var first = Path.Combine(folder, "k3s-airgap-images-amd64.tar.zst");
        var second = Path.Combine(folder, "extra-images.tar");
        await File.WriteAllTextAsync(first, "first tarball");
        await File.WriteAllTextAsync(second, "second tarball");
        var docker = await Engine.GetAsync();

        try
        {
            // When a stand-in container is created and started with them
            var options = Engine.StandIn("sleep", "300") with { AirgapImages = [first, second] };
            await using var cluster = await K3sCluster.CreateContainerAsync(docker, options, keep: false, CancellationToken.None);

            // Then both are in /var/lib/rancher/k3s/agent/images with their content
            (await docker.ReadFileTextAsync(cluster.ContainerId, $"{AirgapImages.Directory}/k3s-airgap-images-amd64.tar.zst")).ShouldBe("first tarball");
            (await docker.ReadFileTextAsync(cluster.ContainerId, $"{AirgapImages.Directory}/extra-images.tar")).ShouldBe("second tarball");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task CreateContainer_WithAMissingAirgapFile_FailsNamingItAndLeavesNoContainer()
    {
        // Given a path that does not exist
        var missing = Path.Combine(Path.GetTempPath(), $"ck-no-such-{Guid.NewGuid():N}.tar.zst");
        var docker = await Engine.GetAsync();
        var before = (await Engine.OwnContainersAsync()).Count;

        // When a stand-in container is created with it
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            K3sCluster.CreateContainerAsync(docker, Engine.StandIn("sleep", "300") with { AirgapImages = [missing] }, keep: false, CancellationToken.None));

        // Then the message names the file and what to pass, and the created container was removed again
        error.Message.ShouldContain(missing);
        error.Message.ShouldContain("k3s-airgap-images");
        (await Engine.OwnContainersAsync()).Count.ShouldBe(before);
    }
}
