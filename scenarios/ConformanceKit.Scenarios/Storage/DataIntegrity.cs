using ConformanceKit.Scenarios.Checks;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>
/// Data integrity: every pod's volume holds its own file with the known sha256, and no other pod's file.
/// </summary>
public static class DataIntegrity
{
    private const string Name = nameof(DataIntegrity);

    /// <summary>
    /// Checks, at <paramref name="moment"/> (e.g. "after the force deletion of web-1"), what each pod listed
    /// (pod → <c>sha256sum</c> output of <see cref="DataFile.ListCommand"/>) against the files written.
    /// </summary>
    public static CheckResult Check(string moment, IReadOnlyDictionary<string, DataFile> written, IReadOnlyDictionary<string, string> listings)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(listings);
        var violations = new List<string>();
        var facts = new List<string>();
        var owners = written.Values.ToDictionary(f => f.Path, f => f.Pod, StringComparer.Ordinal);
        foreach (var (pod, file) in written.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!listings.TryGetValue(pod, out var listing))
            {
                violations.Add($"{pod}'s volume was not listed {moment}");
                continue;
            }

            var digests = DigestListing.Parse(listing);
            facts.Add($"{pod} {moment}: {(digests.Count == 0 ? "no files" : string.Join(", ", digests.Select(d => $"{d.Key} {d.Value[..12]}")))}");
            if (!digests.TryGetValue(file.Path, out var digest))
            {
                violations.Add($"{pod} lost its file {file.Path} {moment}");
            }
            else if (digest != file.Sha256)
            {
                violations.Add($"{pod}'s {file.Path} has sha256 {digest[..12]}…, expected {file.Sha256[..12]}… {moment}: its content changed");
            }

            foreach (var foreign in digests.Keys.Where(p => p != file.Path).Order(StringComparer.Ordinal))
            {
                violations.Add(owners.TryGetValue(foreign, out var owner)
                    ? $"{pod} sees {owner}'s file {foreign} {moment}"
                    : $"{pod} sees an unknown file {foreign} {moment}");
            }
        }

        return CheckResult.From(Name, violations,
            $"each of {written.Count} pods holds its own {written.Values.FirstOrDefault()?.Size ?? 0}-byte file with the expected sha256 and no other pod's file {moment}", facts);
    }
}
