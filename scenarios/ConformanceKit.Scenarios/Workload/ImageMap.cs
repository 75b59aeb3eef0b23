namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// <c>--workload-image-map FROM=TO</c>: substitutes container images, e.g. for a cluster that pulls only from its own
/// registry. FROM matches an image exactly (<c>redis:6.2</c>); a FROM without tag or digest (<c>redis</c>) matches
/// that repository with any tag, and the tag is carried over when TO has none
/// (<c>redis=registry.local/redis</c> turns <c>redis:6.2</c> into <c>registry.local/redis:6.2</c>).
/// </summary>
public sealed class ImageMap
{
    private readonly List<(string From, string To)> entries;

    private ImageMap(List<(string From, string To)> entries) => this.entries = entries;

    /// <summary>The map that changes nothing.</summary>
    public static ImageMap None { get; } = new([]);

    /// <summary>The entries as given.</summary>
    public IReadOnlyList<(string From, string To)> Entries => entries;

    /// <summary>Parses the flag values; a malformed one ends in a one-line <see cref="WorkloadInputException"/>.</summary>
    public static ImageMap Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entries = new List<(string, string)>();
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == value.Length - 1 || value.AsSpan(at + 1).Contains('=') || value.Any(char.IsWhiteSpace))
            {
                throw new WorkloadInputException(
                    $"--workload-image-map {value}: expected FROM=TO (two image references, no spaces), e.g. redis:6.2=registry.local/redis:6.2");
            }

            entries.Add((value[..at], value[(at + 1)..]));
        }

        return new ImageMap(entries);
    }

    /// <summary>The substitute for <paramref name="image"/> and the entry used, or null when no entry matches.</summary>
    public (string Image, string Entry)? Map(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        foreach (var (from, to) in entries)
        {
            if (image == from)
            {
                return (to, $"{from}={to}");
            }
        }

        foreach (var (from, to) in entries.Where(e => !HasTagOrDigest(e.From)))
        {
            if (Repository(image) == from)
            {
                var suffix = image[from.Length..];
                return (HasTagOrDigest(to) ? to : to + suffix, $"{from}={to}");
            }
        }

        return null;
    }

    private static bool HasTagOrDigest(string image) => Repository(image).Length != image.Length;

    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}
