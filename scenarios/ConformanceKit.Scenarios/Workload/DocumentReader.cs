using k8s;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>Turns one YAML mapping into a <see cref="WorkloadDocument"/>: identity checked, typed when the package knows the kind.</summary>
internal static class DocumentReader
{
    /// <param name="origin">Where the mapping is.</param>
    /// <param name="map">The mapping.</param>
    /// <param name="text">The mapping's text with the file's line numbers, or null to render it from the mapping.</param>
    public static WorkloadDocument Read(DocumentOrigin origin, YamlMappingNode map, string? text)
    {
        var apiVersion = map.Text("apiVersion");
        var kind = map.Text("kind");
        if (apiVersion is null || kind is null)
        {
            var missing = apiVersion is null && kind is null ? "apiVersion and kind" : apiVersion is null ? "apiVersion" : "kind";
            throw new WorkloadInputException($"{origin.Where}: has no {missing}; every document must be a Kubernetes object (apiVersion, kind, metadata.name)");
        }

        var metadata = map.Map("metadata");
        var name = metadata?.Text("name");
        if (name is null)
        {
            var hint = metadata?.Text("generateName") is null ? "" : " (generateName cannot be applied: the object must keep one name across the scenario's steps)";
            throw new WorkloadInputException($"{origin.Where} {kind}: has no metadata.name{hint}; give it a name");
        }

        return new WorkloadDocument
        {
            File = origin.File,
            Index = origin.Index,
            Item = origin.Item,
            Line = origin.Line,
            HelmSource = origin.HelmSource,
            ApiVersion = apiVersion,
            Kind = kind,
            Name = name,
            Namespace = metadata!.Text("namespace"),
            Node = map,
            Typed = Typed(origin, apiVersion, kind, name, text ?? YamlNodes.ToYaml(map)),
        };
    }

    /// <summary>The package's typed object read from <paramref name="text"/>, or null when the package does not know the kind.</summary>
    public static object? Typed(DocumentOrigin origin, string apiVersion, string kind, string name, string text)
    {
        if (KnownKinds.ModelType(apiVersion, kind) is null)
        {
            return null;
        }

        try
        {
            return KubernetesYaml.LoadAllFromString(text).Single();
        }
        catch (Exception e)
        {
            var at = e is YamlException y && origin.Item is null ? $" at line {y.Start.Line}, column {y.Start.Column}" : "";
            throw new WorkloadInputException(
                $"{origin.Where} {kind}/{name}: does not read as {apiVersion} {kind}{at}: {ManifestLoader.Problem(e)}; fix that field (kubectl explain {kind.ToLowerInvariant()} describes it)", e);
        }
    }
}
