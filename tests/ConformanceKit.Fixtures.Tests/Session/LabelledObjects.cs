using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>
/// Cluster-scoped objects (namespaces, storage classes) served by the loopback API server: lists apply the
/// request's label selector, and DELETE of a listed name answers 200 (anything else gets the server's 404).
/// </summary>
internal sealed class LabelledObjects
{
    private readonly List<(string Path, string Kind, string Name, Dictionary<string, string> Labels)> items = [];

    public LabelledObjects Namespace(string name, IReadOnlyDictionary<string, string>? labels = null) =>
        Add("/api/v1/namespaces", "Namespace", name, labels);

    public LabelledObjects StorageClass(string name, IReadOnlyDictionary<string, string>? labels = null) =>
        Add("/apis/storage.k8s.io/v1/storageclasses", "StorageClass", name, labels);

    public void MapOnto(LoopbackApiServer server, bool forbidNamespaceList = false)
    {
        server.MapRecordedDiscovery();
        foreach (var group in items.GroupBy(i => (i.Path, i.Kind)))
        {
            var listing = forbidNamespaceList && group.Key.Kind == "Namespace"
                ? Respond.Status(403, "Forbidden", "namespaces is forbidden: User \"ci\" cannot list resource \"namespaces\"")
                : ListFiltered(group.Key.Kind, [.. group]);
            server.Map("GET", group.Key.Path, listing);
            foreach (var item in group)
            {
                server.Map("DELETE", $"{item.Path}/{item.Name}", Respond.Json(200, Json(item.Kind, item.Name, item.Labels)));
            }
        }
    }

    /// <summary>The labels of a run owned by a process that no longer exists on this host.</summary>
    public static IReadOnlyDictionary<string, string> DeadRun() => Tests.DeadRun.Create().Labels;

    private LabelledObjects Add(string path, string kind, string name, IReadOnlyDictionary<string, string>? labels)
    {
        items.Add((path, kind, name, new Dictionary<string, string>(labels ?? new Dictionary<string, string>())));
        return this;
    }

    private static LoopbackHandler ListFiltered(string kind, IReadOnlyList<(string Path, string Kind, string Name, Dictionary<string, string> Labels)> all) => context =>
    {
        var selector = context.Request.Query["labelSelector"].ToString();
        var kept = all.Where(i => LabelSelectorFilter.Matches(selector, i.Labels)).Select(i => Json(i.Kind, i.Name, i.Labels));
        return Respond.List(kind + "List", "42", null, [.. kept])(context);
    };

    private static string Json(string kind, string name, Dictionary<string, string> labels)
    {
        var labelObject = new JsonObject();
        foreach (var (key, value) in labels)
        {
            labelObject[key] = value;
        }

        return new JsonObject { ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labelObject } }.ToJsonString();
    }
}
