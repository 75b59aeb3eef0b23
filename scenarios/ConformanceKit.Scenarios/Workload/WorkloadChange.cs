namespace ConformanceKit.Scenarios.Workload;

/// <summary>One change the rewrite made to the user's YAML: which document, which field, what it was and what it is now.</summary>
/// <param name="Document">The document's label (file, document index, kind/name).</param>
/// <param name="Field">The field path, e.g. <c>metadata.namespace</c>.</param>
/// <param name="Old">The value before, or null when the field was not set.</param>
/// <param name="New">The value applied.</param>
public sealed record WorkloadChange(string Document, string Field, string? Old, string New)
{
    /// <summary><c>document: field old → new</c>.</summary>
    public override string ToString() => $"{Document}: {Field} {Old ?? "(not set)"} → {New}";
}
