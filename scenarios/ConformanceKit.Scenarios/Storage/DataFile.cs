using System.Security.Cryptography;
using System.Text;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// A file of known content a pod writes to its volume: <see cref="Line"/> and a newline, repeated and cut at
/// <see cref="Size"/> bytes (what <c>yes LINE | head -c SIZE</c> writes), so its sha256 is known without reading it back.
/// </summary>
public sealed record DataFile(string Pod, string Path, string Line, int Size)
{
    /// <summary>The default size: 1 MiB.</summary>
    public const int DefaultSize = 1 << 20;

    /// <summary>The folder the files live in (the claim template's mount path).</summary>
    public const string Folder = "/data";

    /// <summary>The file of <paramref name="pod"/> for this run (<paramref name="token"/>: letters, digits and dashes).</summary>
    public static DataFile For(string pod, string token, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (!(pod + token).All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"pod '{pod}' and token '{token}' may hold only letters, digits and dashes (they go into a shell command)");
        }

        return new(pod, $"{Folder}/ck-{pod}.bin", $"ck {pod} {token}", size);
    }

    /// <summary>The glob matching every pod's file, for listings.</summary>
    public static string Glob => $"{Folder}/ck-*.bin";

    /// <summary>The file's bytes.</summary>
    public byte[] Content()
    {
        var line = Encoding.ASCII.GetBytes(Line + "\n");
        var bytes = new byte[Size];
        for (var i = 0; i < Size; i++)
        {
            bytes[i] = line[i % line.Length];
        }

        return bytes;
    }

    /// <summary>The expected sha256, lower-case hex.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content()));

    /// <summary>The shell command that writes the file, flushes it and prints its sha256 (sha256sum format).</summary>
    public IReadOnlyList<string> WriteCommand =>
        ["sh", "-c", $"yes '{Line}' | head -c {Size} > {Path} && sync && sha256sum {Path}"];

    /// <summary>The shell command that lists every pod's file in this volume with its sha256 (empty when there are none).</summary>
    public static IReadOnlyList<string> ListCommand => ["sh", "-c", $"for f in {Glob}; do [ -e \"$f\" ] && sha256sum \"$f\"; done; true"];
}
