namespace ConformanceKit.Scenarios.Workload;

/// <summary>A kind the API server serves (from discovery): its apiVersion, kind and scope.</summary>
public sealed record ServedKind(string ApiVersion, string Kind, bool Namespaced);
