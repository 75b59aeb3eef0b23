namespace ConformanceKit.TestSupport.Loopback;

/// <summary>Serves the discovery documents a real v1.26 server sent (api-responses/discovery.*.json).</summary>
public static class RecordedDiscovery
{
    private static readonly (string Path, string File)[] Documents =
    [
        ("/version", "discovery.version.json"),
        ("/api", "discovery.api.json"),
        ("/api/v1", "discovery.api_v1.json"),
        ("/apis", "discovery.apis.json"),
        ("/apis/apps/v1", "discovery.apis_apps_v1.json"),
        ("/apis/storage.k8s.io/v1", "discovery.apis_storage.k8s.io_v1.json"),
    ];

    /// <summary>Maps every recorded discovery document on the server; other group versions answer 404.</summary>
    public static LoopbackApiServer MapRecordedDiscovery(this LoopbackApiServer server)
    {
        foreach (var (path, file) in Documents)
        {
            server.Map("GET", path, Respond.Json(200, File.ReadAllText(SharedData.RecordedFile("api-responses", file))));
        }

        return server;
    }

    /// <summary>Maps a scripted discovery document for a group version not in the recordings.</summary>
    public static LoopbackApiServer MapResourceList(this LoopbackApiServer server, string groupVersion, params (string Kind, string Plural, bool Namespaced)[] resources)
    {
        var items = string.Join(",", resources.Select(r =>
            $$"""{"name":"{{r.Plural}}","singularName":"","namespaced":{{(r.Namespaced ? "true" : "false")}},"kind":"{{r.Kind}}","verbs":["get","list","watch"]}"""));
        var path = groupVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{groupVersion}" : $"/api/{groupVersion}";
        return server.Map("GET", path, Respond.Json(200, $$"""{"kind":"APIResourceList","groupVersion":"{{groupVersion}}","resources":[{{items}}]}"""));
    }
}
