using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// The calls of <see cref="KubeClient"/> on any resource type, through the package's generic (custom objects)
/// operations with the plural and scope from discovery: apply, get, list, create, patch, delete and watch.
/// </summary>
internal sealed class ObjectOperations(IKubernetes api, ResourceCatalog catalog, KubeClientOptions options)
{
    private const int MaxListRestarts = 3;

    private ICustomObjectsOperations Objects => api.CustomObjects;

    public async Task<IReadOnlyList<JsonElement>> ApplyAsync(string yaml, string defaultNamespace, CancellationToken cancellationToken)
    {
        var stored = new List<JsonElement>();
        foreach (var document in YamlDocuments.Parse(yaml))
        {
            var apiVersion = Text(document, "apiVersion");
            var kind = Text(document, "kind");
            var metadata = document["metadata"] as JsonObject;
            var name = metadata?["name"]?.GetValue<string>()
                ?? throw new FormatException($"a {apiVersion}/{kind} document has no metadata.name, so it cannot be applied");
            var type = await catalog.ResolveAsync(apiVersion, kind, cancellationToken).ConfigureAwait(false);
            var patch = new V1Patch(document.ToJsonString(), V1Patch.PatchType.ApplyPatch);
            using var response = type.Namespaced
                ? await Objects.PatchNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(patch, type.Group, type.Version, metadata["namespace"]?.GetValue<string>() ?? defaultNamespace, type.Plural, name,
                    fieldManager: options.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await Objects.PatchClusterCustomObjectWithHttpMessagesAsync<JsonElement>(patch, type.Group, type.Version, type.Plural, name,
                    fieldManager: options.FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            stored.Add(response.Body);
        }

        return stored;
    }

    public async Task<T> GetAsync<T>(string @namespace, string name, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var type = await ResolveAsync<T>(cancellationToken).ConfigureAwait(false);
        using var response = type.Namespaced
            ? await Objects.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(type.Group, type.Version, @namespace, type.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await Objects.GetClusterCustomObjectWithHttpMessagesAsync<T>(type.Group, type.Version, type.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    public async Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions listOptions, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var type = await ResolveAsync<T>(cancellationToken).ConfigureAwait(false);
        var items = new List<T>();
        string? resourceVersion = null;
        string? token = null;
        var restarts = 0;
        while (true)
        {
            Page<T> page;
            try
            {
                using var response = await Send<Page<T>>(type, @namespace, listOptions, token, listOptions.PageSize, null, null, cancellationToken).ConfigureAwait(false);
                page = response.Body;
            }
            catch (KubeApiException expired) when (expired.StatusCode == HttpStatusCode.Gone && token is not null && ++restarts <= MaxListRestarts)
            {
                // The continue token expired (410 ResourceExpired): the list starts again, as a fresh consistent snapshot.
                (items, resourceVersion, token) = ([], null, null);
                continue;
            }

            resourceVersion ??= page.Metadata?.ResourceVersion;
            items.AddRange(page.Items ?? []);
            token = string.IsNullOrEmpty(page.Metadata?.ContinueProperty) ? null : page.Metadata.ContinueProperty;
            if (token is null)
            {
                return new KubeList<T>(items, resourceVersion);
            }
        }
    }

    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions watchOptions, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var listOptions = new ListOptions { LabelSelector = watchOptions.LabelSelector, FieldSelector = watchOptions.FieldSelector };
        var what = $"{ApiType.Of<T>().Kind} objects{(@namespace is null ? "" : $" in namespace {@namespace}")}";
        var loop = new WatchLoop<T>(
            (_, ct) => ListAsync<T>(@namespace, listOptions, ct),
            async (resourceVersion, timeoutSeconds, ct) =>
            {
                var type = await ResolveAsync<T>(ct).ConfigureAwait(false);
                return await Send<object>(type, @namespace, listOptions, null, null, resourceVersion, (timeoutSeconds, watchOptions.AllowBookmarks), ct).ConfigureAwait(false);
            },
            what,
            watchOptions);
        return loop.RunAsync(cancellationToken);
    }

    public async Task<T> CreateAsync<T>(string @namespace, T value, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var type = await ResolveAsync<T>(cancellationToken).ConfigureAwait(false);
        var declared = ApiType.Of<T>();
        value.ApiVersion ??= declared.ApiVersion;
        value.Kind ??= declared.Kind;
        using var response = type.Namespaced
            ? await Objects.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(value, type.Group, type.Version, @namespace, type.Plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await Objects.CreateClusterCustomObjectWithHttpMessagesAsync<T>(value, type.Group, type.Version, type.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    public async Task<JsonElement> PatchMergeAsync(ApiType kind, string @namespace, string name, string patchJson, string? subresource, CancellationToken cancellationToken)
    {
        var type = await catalog.ResolveAsync(kind.ApiVersion, kind.Kind, cancellationToken).ConfigureAwait(false);
        var patch = new V1Patch(patchJson, V1Patch.PatchType.MergePatch);
        // Named like the applies, so managedFields say which of the run's changes set a field.
        using var response = (subresource, type.Namespaced) switch
        {
            (null, true) => await Objects.PatchNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(patch, type.Group, type.Version, @namespace, type.Plural, name, fieldManager: options.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false),
            (null, false) => await Objects.PatchClusterCustomObjectWithHttpMessagesAsync<JsonElement>(patch, type.Group, type.Version, type.Plural, name, fieldManager: options.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false),
            ("scale", true) => await Objects.PatchNamespacedCustomObjectScaleWithHttpMessagesAsync<JsonElement>(patch, type.Group, type.Version, @namespace, type.Plural, name, fieldManager: options.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"cannot patch subresource '{subresource}' of {kind.Kind}", nameof(subresource)),
        };
        return response.Body;
    }

    /// <summary>Deletes one object (name set) or a collection by label; false when the object was already gone.</summary>
    public async Task<bool> DeleteAsync(ApiType kind, string @namespace, string? name, string? labelSelector, V1DeleteOptions? deleteOptions, CancellationToken cancellationToken)
    {
        var type = await catalog.ResolveAsync(kind.ApiVersion, kind.Kind, cancellationToken).ConfigureAwait(false);
        var body = deleteOptions ?? new V1DeleteOptions();
        body.ApiVersion ??= "v1";
        body.Kind ??= "DeleteOptions";
        try
        {
            using var response = (name, type.Namespaced) switch
            {
                (not null, true) => await Objects.DeleteNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(type.Group, type.Version, @namespace, type.Plural, name, body, cancellationToken: cancellationToken).ConfigureAwait(false),
                (not null, false) => await Objects.DeleteClusterCustomObjectWithHttpMessagesAsync<JsonElement>(type.Group, type.Version, type.Plural, name, body, cancellationToken: cancellationToken).ConfigureAwait(false),
                (null, true) => await Objects.DeleteCollectionNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(type.Group, type.Version, @namespace, type.Plural, body, labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false),
                (null, false) => await Objects.DeleteCollectionClusterCustomObjectWithHttpMessagesAsync<JsonElement>(type.Group, type.Version, type.Plural, body, labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false),
            };
            return true;
        }
        catch (KubeApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound && name is not null)
        {
            return false;
        }
    }

    private Task<ResourceType> ResolveAsync<T>(CancellationToken cancellationToken)
    {
        var declared = ApiType.Of<T>();
        return catalog.ResolveAsync(declared.ApiVersion, declared.Kind, cancellationToken);
    }

    private Task<HttpOperationResponse<TBody>> Send<TBody>(ResourceType type, string? @namespace, ListOptions list, string? token, int? limit,
        string? resourceVersion, (int TimeoutSeconds, bool Bookmarks)? watch, CancellationToken cancellationToken) =>
        (type.Namespaced, @namespace) switch
        {
            (true, not null) => Objects.ListNamespacedCustomObjectWithHttpMessagesAsync<TBody>(type.Group, type.Version, @namespace, type.Plural,
                allowWatchBookmarks: watch?.Bookmarks == true ? true : null, continueParameter: token, fieldSelector: list.FieldSelector, labelSelector: list.LabelSelector,
                limit: limit, resourceVersion: resourceVersion, timeoutSeconds: watch?.TimeoutSeconds, watch: watch is null ? null : true, cancellationToken: cancellationToken),
            (true, null) => Objects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<TBody>(type.Group, type.Version, type.Plural,
                allowWatchBookmarks: watch?.Bookmarks == true ? true : null, continueParameter: token, fieldSelector: list.FieldSelector, labelSelector: list.LabelSelector,
                limit: limit, resourceVersion: resourceVersion, timeoutSeconds: watch?.TimeoutSeconds, watch: watch is null ? null : true, cancellationToken: cancellationToken),
            _ => Objects.ListClusterCustomObjectWithHttpMessagesAsync<TBody>(type.Group, type.Version, type.Plural,
                allowWatchBookmarks: watch?.Bookmarks == true ? true : null, continueParameter: token, fieldSelector: list.FieldSelector, labelSelector: list.LabelSelector,
                limit: limit, resourceVersion: resourceVersion, timeoutSeconds: watch?.TimeoutSeconds, watch: watch is null ? null : true, cancellationToken: cancellationToken),
        };

    private static string Text(JsonObject document, string field) =>
        document[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new FormatException($"a YAML document has no {field} (every API object needs apiVersion and kind)");

    /// <summary>One page of a list answer: the list's metadata and the items, in the package's model type.</summary>
    private sealed class Page<T>
    {
        [JsonPropertyName("metadata")]
        public V1ListMeta? Metadata { get; set; }

        [JsonPropertyName("items")]
        public IList<T>? Items { get; set; }
    }
}
