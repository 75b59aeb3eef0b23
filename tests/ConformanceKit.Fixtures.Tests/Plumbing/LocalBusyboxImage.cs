using System.Formats.Tar;
using ConformanceKit.Fixtures.Engine;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>
/// A busybox image made locally from a static busybox binary (Debian's busybox-static) by an image import through
/// the engine client, for machines where no image can be pulled: /bin/busybox, one symlink per applet the tests use,
/// PATH=/bin, CMD sh.
/// </summary>
internal static class LocalBusyboxImage
{
    public const string Tag = "conformancekit/busybox:local";

    public const string BusyboxPath = "/usr/bin/busybox";

    private static readonly string[] Applets =
    [
        "sh", "cat", "echo", "env", "false", "grep", "head", "kill", "ls", "mkdir", "printf", "ps", "rm", "sed",
        "sleep", "tail", "tar", "test", "[", "touch", "true", "wc",
    ];

    /// <summary>Imports the image unless the engine has it.</summary>
    public static async Task EnsureAsync(DockerEngine engine, CancellationToken cancellationToken = default)
    {
        if (await engine.ImageExistsAsync(Tag, cancellationToken))
        {
            return;
        }

        if (!File.Exists(BusyboxPath))
        {
            throw new FileNotFoundException(
                $"Cannot build the local busybox image '{Tag}': '{BusyboxPath}' does not exist. Install Debian's busybox-static (apt-get install -y busybox-static).", BusyboxPath);
        }

        using var rootfs = new MemoryStream();
        await WriteRootfsAsync(rootfs, cancellationToken);
        rootfs.Position = 0;
        var parameters = new ImagesCreateParameters { Repo = Tag.Split(':')[0], Tag = Tag.Split(':')[1], Changes = ["ENV PATH=/bin", "CMD [\"sh\"]"] };
        await engine.Client.Images.CreateImageAsync(parameters, rootfs, null, new Progress<JSONMessage>(), cancellationToken);
        if (!await engine.ImageExistsAsync(Tag, cancellationToken))
        {
            throw new InvalidOperationException($"the engine did not import '{Tag}'");
        }
    }

    private static async Task WriteRootfsAsync(Stream destination, CancellationToken cancellationToken)
    {
        const UnixFileMode Directory = (UnixFileMode)0b111_101_101;
        const UnixFileMode Sticky = (UnixFileMode)0b1_111_111_111;
        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (folder, mode) in new[] { ("bin/", Directory), ("etc/", Directory), ("root/", Directory), ("tmp/", Sticky), ("var/", Directory) })
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, folder) { Mode = mode }, cancellationToken);
        }

        await using (var binary = File.OpenRead(BusyboxPath))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox") { Mode = Directory, DataStream = binary }, cancellationToken);
        }

        foreach (var applet in Applets)
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = Directory }, cancellationToken);
        }
    }
}
