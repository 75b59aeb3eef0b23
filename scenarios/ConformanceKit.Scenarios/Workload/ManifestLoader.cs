using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// Reads the user's manifest files (multi-document YAML, <c>helm template</c> output with its <c># Source:</c>
/// comments and empty documents, <c>kind: List</c>) into <see cref="WorkloadDocument"/>s, typed through the client
/// package where it knows the kind. Anything unusable ends in a <see cref="WorkloadInputException"/>.
/// </summary>
public static partial class ManifestLoader
{
    /// <summary>Loads every file in order; the same kind and name twice is refused (even in two namespaces: a scenario has one).</summary>
    public static IReadOnlyList<WorkloadDocument> LoadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var documents = new List<WorkloadDocument>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new WorkloadInputException(
                    $"--workload-manifest {path}: no such file; give the path of a YAML file with the StatefulSet and its headless Service (helm template output works)");
            }

            documents.AddRange(Load(path, File.ReadAllText(path)));
        }

        // Every document goes into the one namespace of a scenario, so a kind and name may appear only once.
        var duplicate = documents
            .GroupBy(d => (d.Group, d.Kind, d.Name))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var both = duplicate.Take(2).ToList();
            throw new WorkloadInputException(
                $"{both[0].Label} and {both[1].Where} are the same object ({both[0].Subject}) once in the scenario's namespace; keep one of them, a second apply would silently merge into the first");
        }

        return documents;
    }

    /// <summary>Loads the documents of one file's <paramref name="text"/>; <paramref name="file"/> names it in messages.</summary>
    public static IReadOnlyList<WorkloadDocument> Load(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            throw new WorkloadInputException(
                $"{file}: the YAML does not parse at line {e.Start.Line}, column {e.Start.Column}: {Problem(e)}; fix the file there (a YAML linter shows the same place)", e);
        }

        var lines = text.Split('\n');
        var documents = new List<WorkloadDocument>();
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var root = stream.Documents[i].RootNode;
            if (root is YamlScalarNode scalar && YamlNodes.IsNull(scalar))
            {
                continue; // an empty document, e.g. a Helm template that rendered nothing
            }

            var line = (int)root.Start.Line;
            var origin = new DocumentOrigin(file, i + 1, null, line, HelmSource(lines, line));
            if (root is not YamlMappingNode map)
            {
                throw new WorkloadInputException(
                    $"{origin.Where}: is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name); remove it or fix its indentation");
            }

            if (map.Text("kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && map.Child("items") is { } items)
            {
                documents.AddRange(ListItems(origin, kind, items));
                continue;
            }

            documents.Add(DocumentReader.Read(origin, map, LinePreservingSlice(lines, root)));
        }

        return documents.Count > 0
            ? documents
            : throw new WorkloadInputException($"{file}: holds no Kubernetes object; give the file with the StatefulSet and its headless Service");
    }

    internal static string Problem(Exception e)
    {
        var message = MarkPrefix().Replace(e.Message, "").Trim().TrimEnd('.');
        if (e.InnerException is { } inner)
        {
            message = $"{message}: {Problem(inner)}";
        }

        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static IEnumerable<WorkloadDocument> ListItems(DocumentOrigin origin, string kind, YamlNode items)
    {
        if (items is not YamlSequenceNode sequence)
        {
            throw new WorkloadInputException($"{origin.Where}: the {kind}'s items is not a list; fix its indentation");
        }

        var read = new List<WorkloadDocument>();
        for (var j = 0; j < sequence.Children.Count; j++)
        {
            var itemOrigin = origin with { Item = j + 1, Line = (int)sequence.Children[j].Start.Line };
            if (sequence.Children[j] is not YamlMappingNode item)
            {
                throw new WorkloadInputException($"{itemOrigin.Where}: is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name); fix the {kind}'s items");
            }

            // Line numbers inside a re-rendered item would not be the file's: the item's own line is reported instead.
            read.Add(DocumentReader.Read(itemOrigin, item, null));
        }

        return read;
    }

    // The document's lines (up to the next document marker) after as many empty lines as precede it, so the
    // positions the package's deserializer reports are the file's.
    private static string LinePreservingSlice(string[] lines, YamlNode root)
    {
        var first = (int)root.Start.Line - 1;
        var end = first + 1;
        while (end < lines.Length && !IsDocumentMarker(lines[end]))
        {
            end++;
        }

        return new string('\n', first) + string.Join('\n', lines[first..end]) + '\n';
    }

    private static bool IsDocumentMarker(string line) =>
        line.TrimEnd() is "---" or "..." || line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("... ", StringComparison.Ordinal);

    private static string? HelmSource(string[] lines, int firstLine)
    {
        for (var n = firstLine - 2; n >= 0; n--)
        {
            var line = lines[n].Trim();
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                return null;
            }

            if (HelmSourceComment().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value.Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"^#\s*Source:\s*(\S.*)$")]
    private static partial Regex HelmSourceComment();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
