namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// A value that names another namespace than the scenario's (a subject's namespace, a <c>*.svc.cluster.local</c>
/// address): reported for the user, never changed, since only the user knows whether it must follow the workload.
/// </summary>
/// <param name="Document">The document's label.</param>
/// <param name="Field">The field path.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Namespace">The namespace it names.</param>
public sealed record NamespaceReference(string Document, string Field, string Value, string Namespace)
{
    /// <summary>One line for the report.</summary>
    public override string ToString() =>
        $"{Document}: {Field} = {Value} names namespace {Namespace}, not the scenario's; left as written (change it in your files if it must follow the workload)";
}
