namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>A resource type as discovery describes it: group, version, plural and scope.</summary>
internal sealed record ResourceType(string Group, string Version, string Kind, string Plural, bool Namespaced);
