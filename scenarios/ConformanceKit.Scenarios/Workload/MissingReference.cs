namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// A Secret or ConfigMap that the set's pod template names and no document of the files provides: a warning, not a
/// refusal, since an operator among the documents (a cert-manager Certificate, an ExternalSecret, a SealedSecret) may
/// make it once applied. Each test applies the files into a namespace of its own, where nothing else provides it.
/// </summary>
/// <param name="Field">The pod template field that names it, e.g. <c>spec.template.spec.volumes[certs].secret.secretName</c>.</param>
/// <param name="Kind"><c>Secret</c> or <c>ConfigMap</c>.</param>
/// <param name="Name">The name it references.</param>
public sealed record MissingReference(string Field, string Kind, string Name)
{
    /// <summary>One line: the field, the object and what to do.</summary>
    public override string ToString() =>
        $"{Field} references {Kind} \"{Name}\", which is not in the files: each test applies them into its own namespace, "
        + $"so add it to the files (a {Kind} made by an operator from a document in the files is fine)";
}
