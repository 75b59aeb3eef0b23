using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
namespace ConformanceKit.Scenarios.Tests.Kubernetes.Support;

/// <summary>JSON of small API objects for scripted answers.</summary>
internal static class Objects
{
    public const string Ns = "ns";
    public const string PodsPath = "/api/v1/namespaces/ns/pods";

    public static string Pod(string name, string uid, string resourceVersion, string phase = "Running") =>
        $$$"""{"kind":"Pod","apiVersion":"v1","metadata":{"name":"{{{name}}}","namespace":"ns","uid":"{{{uid}}}","resourceVersion":"{{{resourceVersion}}}","unknownField":{"x":1}},"status":{"phase":"{{{phase}}}"}}""";

    public static string WatchLine(string type, string objectJson) => $$"""{"type":"{{type}}","object":{{objectJson}}}""";
}
