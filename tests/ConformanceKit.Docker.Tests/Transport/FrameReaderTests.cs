using System.Text;
using ConformanceKit.Docker.Transport;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Transport;

public sealed class FrameReaderTests
{
    [Test]
    public async Task Frames_SplitAcrossChunks_BecomeLinesPerStream()
    {
        // Given stdout and stderr frames where a line spans two frames and a multi-byte character is split
        var euro = Encoding.UTF8.GetBytes("€");
        var bytes = Frame(1, "hel"u8.ToArray()).Concat(Frame(2, "err\n"u8.ToArray())).Concat(Frame(1, [.. "lo "u8.ToArray(), euro[0]]))
            .Concat(Frame(1, [.. euro[1..], .. "\nlast"u8.ToArray()])).ToArray();

        // When they are read and split
        var lines = await ReadLinesAsync(bytes, tty: false);

        // Then each stream has its own lines, the character intact, the unterminated tail kept
        lines.ShouldBe([new LogLine(LogStream.StdErr, "err"), new LogLine(LogStream.StdOut, "hello €"), new LogLine(LogStream.StdOut, "last")]);
    }

    [Test]
    public async Task TtyOutput_IsReadAsPlainStdout()
    {
        // Given raw bytes that happen to start like a header
        var bytes = "\u0001abc\r\ndef\n"u8.ToArray();

        // When read as a TTY stream
        var lines = await ReadLinesAsync(bytes, tty: true);

        // Then nothing is taken as a header and CR LF ends lines
        lines.ShouldBe([new LogLine(LogStream.StdOut, "\u0001abc"), new LogLine(LogStream.StdOut, "def")]);
    }

    [Test]
    public async Task NonFramedBytes_ReadAsFrames_AreRejected()
    {
        // Given plain text where a frame header is expected
        var bytes = "plain text, not frames\n"u8.ToArray();

        // When read as a multiplexed stream
        var ex = await Should.ThrowAsync<InvalidDataException>(() => ReadLinesAsync(bytes, tty: false));

        // Then the header bytes are named
        ex.Message.ShouldContain("frame header");
    }

    [Test]
    public async Task TruncatedFrame_IsAnError()
    {
        // Given a header announcing 10 bytes followed by 3
        var bytes = Frame(1, "0123456789"u8.ToArray())[..11];

        // When read
        // Then the truncation is reported
        await Should.ThrowAsync<EndOfStreamException>(() => ReadLinesAsync(bytes, tty: false));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4096)]
    public async Task Frames_ArrivingAFewBytesPerRead_AreReassembled(int bytesPerRead)
    {
        // Given two frames (one larger than the reader's buffer) delivered by a socket that returns few bytes per read
        var big = Enumerable.Repeat((byte)'x', 20_000).Append((byte)'\n').ToArray();
        var bytes = Frame(2, "e1\n"u8.ToArray()).Concat(Frame(1, big)).ToArray();

        // When they are read
        var lines = await ReadLinesAsync(new TrickleStream(bytes, bytesPerRead), tty: false);

        // Then headers and payloads split across reads decode as if they had arrived whole
        lines.Select(l => (l.Stream, l.Text.Length)).ShouldBe([(LogStream.StdErr, 2), (LogStream.StdOut, 20_000)]);
    }

    private static byte[] Frame(byte stream, byte[] payload) =>
        [stream, 0, 0, 0, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    private static Task<List<LogLine>> ReadLinesAsync(byte[] bytes, bool tty) => ReadLinesAsync(new MemoryStream(bytes), tty);

    private static async Task<List<LogLine>> ReadLinesAsync(Stream source, bool tty)
    {
        var splitter = new LineSplitter();
        var lines = new List<LogLine>();
        await foreach (var (kind, payload) in FrameReader.ReadAsync(source, tty, CancellationToken.None))
        {
            lines.AddRange(splitter.Push(kind, payload));
        }

        lines.AddRange(splitter.Flush());
        return lines;
    }

    /// <summary>A stream handing out at most a few bytes per read, like a socket under load.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
