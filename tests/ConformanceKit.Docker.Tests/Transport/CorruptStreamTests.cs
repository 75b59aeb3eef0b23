using System.Text;
using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Transport;

/// <summary>What the client says when the engine's streams are not what the API documents.</summary>
public sealed class CorruptStreamTests
{
    [Test]
    public async Task ProgressLineThatIsNotJson_IsOneDockerErrorNamingTheCallAndTheLine()
    {
        // Given a pull progress stream whose second line is not JSON
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"status\":\"Pulling fs layer\",\"id\":\"a\"}\n<html>proxy error</html>\n"));
        var request = new DockerRequest(HttpMethod.Post, "/images/create");

        // When it is read
        var error = await Should.ThrowAsync<DockerApiException>(async () =>
        {
            await foreach (var _ in JsonMessageStream.ReadAsync(stream, request, CancellationToken.None))
            {
            }
        });

        // Then the message names the call and quotes the line
        error.Message.ShouldContain("POST /images/create");
        error.Message.ShouldContain("not JSON: <html>proxy error</html>");
    }

    [Test]
    public async Task FrameHeaderAnnouncingGigabytes_IsRefusedBeforeAllocating()
    {
        // Given a stdout frame header announcing 2 GiB
        var stream = new MemoryStream([1, 0, 0, 0, 0x80, 0, 0, 0]);

        // When it is read
        var error = await Should.ThrowAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in FrameReader.ReadAsync(stream, false, CancellationToken.None))
            {
            }
        });

        // Then it is refused naming the size
        error.Message.ShouldContain("2147483648 bytes");
    }

    [Test]
    public void Flush_UnfinishedCharacterAtTheEnd_IsKeptAsAReplacementCharacter()
    {
        // Given a last line "ok" followed by the first byte of a two-byte character and no newline
        var splitter = new LineSplitter();
        splitter.Push(Docker.LogStream.StdOut, new byte[] { (byte)'o', (byte)'k', 0xC3 }).ShouldBeEmpty();

        // When the stream ends
        var last = splitter.Flush().ShouldHaveSingleItem();

        // Then nothing is lost silently
        last.Text.ShouldBe("ok\uFFFD");
    }
}
