using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: --k3s-image-archive loads the image through the engine client when the engine lacks it.</summary>
public sealed class K3sImageArchiveTests
{
    private readonly string tag = $"conformancekit/archive-probe:{Guid.NewGuid():N}";
    private string archive = "";

    [SetUp]
    public async Task SaveATaggedImageAndUntagItAsync()
    {
        // An archive holding the local busybox under a tag of its own, which the engine then no longer has
        var engine = await Engine.GetAsync();
        var (repository, name) = (tag.Split(':')[0], tag.Split(':')[1]);
        await engine.Client.Images.TagImageAsync(Engine.Image, new ImageTagParameters { RepositoryName = repository, Tag = name });
        archive = Path.Combine(Path.GetTempPath(), $"ck-archive-{Guid.NewGuid():N}.tar");
        await using (var saved = await engine.Client.Images.SaveImageAsync(tag))
        await using (var file = File.Create(archive))
        {
            await saved.CopyToAsync(file);
        }

        await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
    }

    [TearDown]
    public async Task RemoveTheTagAndArchiveAsync()
    {
        var engine = await Engine.GetAsync();
        if (await engine.ImageExistsAsync(tag, CancellationToken.None))
        {
            await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
        }

        File.Delete(archive);
    }

    [Test]
    public async Task EnsureImage_AbsentImageWithItsArchive_IsLoadedFromIt()
    {
        // Given an engine without the image, and its archive
        var engine = await Engine.GetAsync();
        (await engine.ImageExistsAsync(tag, CancellationToken.None)).ShouldBeFalse();

        // When the k3s image is made present
        await K3sCluster.EnsureImageAsync(engine, Engine.StandIn() with { Image = tag, ImageArchive = archive }, CancellationToken.None);

        // Then the engine has it
        (await engine.ImageExistsAsync(tag, CancellationToken.None)).ShouldBeTrue();
    }

    [Test]
    public async Task EnsureImage_ArchiveOfAnotherImage_SaysWhichImageItHolds()
    {
        // Given an archive that holds another image than the one asked for
        var engine = await Engine.GetAsync();
        var asked = $"conformancekit/not-in-archive:{Guid.NewGuid():N}";

        // When the asked image is made present from it
        var error = await Should.ThrowAsync<ClusterStartException>(() =>
            K3sCluster.EnsureImageAsync(engine, Engine.StandIn() with { Image = asked, ImageArchive = archive }, CancellationToken.None));

        // Then the message names the archive, what it holds and the flag to pass
        error.Message.ShouldContain($"--k3s-image-archive '{archive}' holds {tag}, not '{asked}'");
        error.Message.ShouldContain("--k3s-image");
    }
}
