using System.Formats.Tar;
using System.Net;
using System.Text;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

[DependsOnFixture(typeof(LogsAndExecTests), AllowFailure = true)]
public sealed class ArchiveTests
{
    [Test]
    public async Task ReadFileText_OfEtcHostname_ReturnsTheHostNameGivenAtCreate()
    {
        // Given a container created with a host name
        var hostname = "ck-" + Guid.NewGuid().ToString("N")[..8];
        await using var container = await EngineSession.StartAsync(new ContainerSpec(EngineSession.Image) { Hostname = hostname }, "sleep", "300");

        // When /etc/hostname is read through the archive API
        var text = await EngineSession.Client.ReadFileTextAsync(container.Id, "/etc/hostname", EngineSession.Timeout());

        // Then it holds that host name
        text.Trim().ShouldBe(hostname);
    }

    [Test]
    public async Task ReadFileText_OfAFileTheContainerWrote_ReturnsItsContent()
    {
        // Given a container that wrote a random value into a file
        var value = Guid.NewGuid().ToString();
        await using var container = await EngineSession.StartAsync(null, "sh", "-c", $"echo {value} > /tmp/written.txt; exec sleep 300");
        var written = await EngineSession.Client.ExecAsync(container.Id, ["sh", "-c", "while [ ! -s /tmp/written.txt ]; do sleep 0.05; done"], EngineSession.Timeout());
        written.ExitCode.ShouldBe(0);

        // When the file is read, and a file that does not exist is asked for
        var text = await EngineSession.Client.ReadFileTextAsync(container.Id, "/tmp/written.txt", EngineSession.Timeout());
        var missing = await Should.ThrowAsync<DockerApiException>(() => EngineSession.Client.ReadFileTextAsync(container.Id, "/tmp/absent.txt", EngineSession.Timeout()));

        // Then the content comes back, and the absent file is a 404 naming the call
        text.ShouldBe(value + "\n");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Message.ShouldStartWith($"GET /containers/{container.Id}/archive: 404 ");
    }

    [Test]
    public async Task PutArchive_OfATar_IsReadableInsideTheContainer()
    {
        // Given a running container and a tar holding one file with a random value
        var value = Guid.NewGuid().ToString();
        await using var container = await EngineSession.StartAsync(null, "sleep", "300");
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "copied/put.txt") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(value)) };
            await writer.WriteEntryAsync(entry);
        }

        tar.Position = 0;

        // When it is copied into /tmp, and the file is read back by a command in the container
        await EngineSession.Client.PutArchiveAsync(container.Id, "/tmp", tar, EngineSession.Timeout());
        var read = await EngineSession.Client.ExecAsync(container.Id, ["cat", "/tmp/copied/put.txt"], EngineSession.Timeout());

        // Then the command sees the value
        read.ExitCode.ShouldBe(0);
        read.Stdout.ShouldBe(value);
    }

    [Test]
    public async Task PutFile_IntoAMissingFolder_ThrowsAndIntoAnExistingOneWrites()
    {
        // Given a running container
        await using var container = await EngineSession.StartAsync(null, "sleep", "300");

        // When one file is written into /tmp and another into a folder that does not exist
        await EngineSession.Client.PutFileAsync(container.Id, "/tmp/one.txt", Encoding.UTF8.GetBytes("one"), cancellationToken: EngineSession.Timeout());
        var ex = await Should.ThrowAsync<DockerApiException>(() =>
            EngineSession.Client.PutFileAsync(container.Id, "/no/such/folder/two.txt", Encoding.UTF8.GetBytes("two"), cancellationToken: EngineSession.Timeout()));

        // Then the first is there and the second failed with the engine's 404
        (await EngineSession.Client.ExecAsync(container.Id, ["cat", "/tmp/one.txt"], EngineSession.Timeout())).Stdout.ShouldBe("one");
        ex.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ex.Message.ShouldStartWith($"PUT /containers/{container.Id}/archive: 404 ");
    }
}
