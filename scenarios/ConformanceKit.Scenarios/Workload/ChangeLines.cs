namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The rewrite's changes as people read them: one line per document, the labels it gained on one entry
/// (<c>metadata.labels += a=1, b=2</c>) and every other field as <c>field old → new</c>. The changes themselves stay
/// one record per field (<see cref="RewrittenWorkload.Changes"/>).
/// </summary>
public static class ChangeLines
{
    private const string LabelsField = "metadata.labels[";

    /// <summary>One line per document of <paramref name="changes"/>, in document order.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<WorkloadChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes.GroupBy(c => c.Document, StringComparer.Ordinal).Select(Line)];
    }

    private static string Line(IGrouping<string, WorkloadChange> document)
    {
        var added = document.Where(IsAddedLabel).Select(c => $"{c.Field[LabelsField.Length..^1]}={c.New}").ToList();
        var parts = document.Where(c => !IsAddedLabel(c)).Select(c => $"{c.Field} {c.Old ?? "(not set)"} → {c.New}").ToList();
        if (added.Count > 0)
        {
            parts.Add($"metadata.labels += {string.Join(", ", added)}");
        }

        return $"{document.Key}: {string.Join("; ", parts)}";
    }

    private static bool IsAddedLabel(WorkloadChange change) =>
        change.Old is null && change.Field.StartsWith(LabelsField, StringComparison.Ordinal) && change.Field.EndsWith(']');
}
