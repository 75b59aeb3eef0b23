using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

[DependsOnFixture(typeof(ArchiveTests), AllowFailure = true)]
public sealed class ImageTests
{
    [Test]
    public async Task SaveThenLoad_AfterTheTagWasRemoved_BringsTheImageBack()
    {
        // Given an image of our own, imported under a tag only this test uses
        var tag = $"conformancekit/busybox:roundtrip-{EngineSession.Id}";
        (await LocalBusyboxImage.EnsureAsync(EngineSession.Client, tag, cancellationToken: EngineSession.Timeout(120))).ShouldBeTrue();
        try
        {
            // When it is saved, the tag removed, and the tarball loaded again
            using var saved = new MemoryStream();
            await using (var stream = await EngineSession.Client.SaveImageAsync(tag, EngineSession.Timeout(120)))
            {
                await stream.CopyToAsync(saved);
            }

            (await EngineSession.Client.RemoveImageAsync(tag, cancellationToken: EngineSession.Timeout())).ShouldBeTrue();
            var goneInBetween = await EngineSession.Client.ImageExistsAsync(tag, EngineSession.Timeout());
            saved.Position = 0;
            var loaded = await EngineSession.Client.LoadImageAsync(saved, EngineSession.Timeout(120));

            // Then it was gone in between, the load names it, and it exists again
            goneInBetween.ShouldBeFalse();
            loaded.ShouldContain(tag);
            var info = await EngineSession.Client.InspectImageAsync(tag, EngineSession.Timeout());
            info.ShouldNotBeNull();
            info.RepoTags.ShouldContain(tag);
        }
        finally
        {
            await EngineSession.Client.RemoveImageAsync(tag, force: true, EngineSession.Timeout());
        }
    }

    [Test]
    public async Task InspectImage_OfTheLocalBusybox_DescribesItAndOfAnUnknownImageIsNull()
    {
        // Given the local busybox image and a name no image has
        var unknown = $"conformancekit/absent:{Guid.NewGuid():N}";

        // When both are inspected
        var busybox = await EngineSession.Client.InspectImageAsync(EngineSession.Image, EngineSession.Timeout());
        var absent = await EngineSession.Client.InspectImageAsync(unknown, EngineSession.Timeout());

        // Then the first is described and the second is not there
        busybox.ShouldNotBeNull();
        busybox.RepoTags.ShouldContain(EngineSession.Image);
        busybox.Id.ShouldStartWith("sha256:");
        absent.ShouldBeNull();
    }

    [Test]
    public async Task CreateContainer_FromAMissingImage_NamesTheCallAndTheImage()
    {
        // Given an image name the engine does not have
        var unknown = $"conformancekit/absent:{Guid.NewGuid():N}";

        // When a container is created from it
        var ex = await Should.ThrowAsync<DockerApiException>(() => EngineSession.Client.CreateContainerAsync(
            new ContainerSpec(unknown) { Labels = EngineSession.Labels() }, EngineSession.Timeout()));

        // Then the message reads like the engine's own, prefixed with the call
        ex.Message.ShouldBe($"POST /containers/create: 404 No such image: {unknown}");
    }

    [Test]
    public async Task PullImage_WhenItCannotBePulled_ThrowsWithTheCallAndReportsNoSuccess()
    {
        // Given an image that no registry can provide here
        var unknown = $"conformancekit/absent:{Guid.NewGuid():N}";
        var progress = new List<PullProgress>();

        // When it is pulled
        var ex = await Should.ThrowAsync<DockerApiException>(() =>
            EngineSession.Client.PullImageAsync(unknown, new SyncProgress(progress.Add), EngineSession.Timeout(120)));

        // Then the failure names the call, and the image did not appear
        ex.Message.ShouldStartWith("POST /images/create: ");
        ex.EngineMessage.ShouldNotBeNullOrWhiteSpace();
        (await EngineSession.Client.ImageExistsAsync(unknown, EngineSession.Timeout())).ShouldBeFalse();
        progress.ShouldNotContain(p => p.Status.StartsWith("Status: Downloaded", StringComparison.Ordinal));
    }

    private sealed class SyncProgress(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}
