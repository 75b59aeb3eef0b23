using System.Net;
using System.Text.Json;
using ConformanceKit.Scenarios.ClockOffset;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>
/// The product's one door to the API server: the package's <see cref="IKubernetes"/> (typed models, server-side
/// apply, merge patches, watch, exec) with what the package lacks around it: transient failures retried, every
/// refusal raised as <see cref="KubeApiException"/>, the watch loop that relists and resumes, and deadlines.
/// For single objects a null namespace means the connection's namespace (else "default"); for list and watch it
/// means every namespace.
/// </summary>
public sealed class KubeClient : IDisposable
{
    private readonly ObjectOperations objects;
    private readonly ClockOffsetEstimator serverClock = new();

    private KubeClient(KubeConnection connection, KubeClientOptions options)
    {
        Connection = connection;
        Options = options;
        connection.Configuration.HttpClientTimeout = Timeout.InfiniteTimeSpan;
        if (connection.Configuration.SkipTlsVerify)
        {
            options.Warn($"insecure-skip-tls-verify is set for {connection.Server}: the server's certificate is not checked ({connection.Source})");
        }

        Api = ServerNameCheck.Create(connection.Configuration, new ApiHandler(connection.Server, options, serverClock, TimeProvider.System));
        objects = new ObjectOperations(Api, new ResourceCatalog(Api), options);
    }

    /// <summary>The connection this client uses.</summary>
    public KubeConnection Connection { get; }

    /// <summary>The options this client uses.</summary>
    public KubeClientOptions Options { get; }

    /// <summary>The package's client, for calls this class does not wrap (it retries and raises refusals the same way).</summary>
    public IKubernetes Api { get; }

    /// <summary>
    /// How far the API server's clock is from this machine's (server minus local), bounded by the Date headers of
    /// every answer this client got so far; null before the first.
    /// </summary>
    public ClockOffsetBound? ServerClock => serverClock.Current;

    /// <summary>Creates a client for a connection.</summary>
    public static KubeClient Create(KubeConnection connection, KubeClientOptions? options = null) =>
        new(connection, options ?? new KubeClientOptions());

    /// <summary>GET /version.</summary>
    public Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken) => Api.Version.GetCodeAsync(cancellationToken);

    /// <summary>GET a path outside the typed API (e.g. /readyz); returns status code and body, never throws on non-2xx.</summary>
    public async Task<(int StatusCode, string Body)> GetRawAsync(string path, CancellationToken cancellationToken)
    {
        var client = ((k8s.Kubernetes)Api).HttpClient;
        try
        {
            using var response = await client.GetAsync(new Uri(Connection.Server, path), cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (KubeApiException refused)
        {
            return ((int)refused.StatusCode, refused.Body ?? "");
        }
    }

    /// <summary>Server-side apply of every document in a (multi-document) YAML text; returns what the server stored.</summary>
    public Task<IReadOnlyList<JsonElement>> ApplyAsync(string yaml, string? defaultNamespace, CancellationToken cancellationToken) =>
        objects.ApplyAsync(yaml, defaultNamespace ?? DefaultNamespace, cancellationToken);

    /// <summary>GET one object; null when it does not exist (404).</summary>
    public async Task<T?> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await objects.GetAsync<T>(@namespace ?? DefaultNamespace, name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException missing) when (missing.StatusCode == HttpStatusCode.NotFound && missing.Reason is null or "NotFound")
        {
            return null;
        }
    }

    /// <summary>List objects, following continue tokens until the list is complete.</summary>
    public Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.ListAsync<T>(@namespace, options ?? new ListOptions(), cancellationToken);

    /// <summary>POST a new object; returns what the server stored (or, for reviews, its answer).</summary>
    public Task<T> CreateAsync<T>(string? @namespace, T value, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.CreateAsync(@namespace ?? value.Metadata?.NamespaceProperty ?? DefaultNamespace, value, cancellationToken);

    /// <summary>Merge patch (application/merge-patch+json) of an object or of its "scale" subresource, with the field manager.</summary>
    public Task<JsonElement> PatchMergeAsync<T>(string? @namespace, string name, string patchJson, string? subresource, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.PatchMergeAsync(ApiType.Of<T>(), @namespace ?? DefaultNamespace, name, patchJson, subresource, cancellationToken);

    /// <summary>DELETE one object; false when it was already gone.</summary>
    public Task<bool> DeleteAsync<T>(string? @namespace, string name, V1DeleteOptions? options, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.DeleteAsync(ApiType.Of<T>(), @namespace ?? DefaultNamespace, name, null, options, cancellationToken);

    /// <summary>DELETE every object matching a label selector in a namespace.</summary>
    public Task DeleteCollectionAsync<T>(string? @namespace, string labelSelector, V1DeleteOptions? options, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.DeleteAsync(ApiType.Of<T>(), @namespace ?? DefaultNamespace, null, labelSelector, options, cancellationToken);

    /// <summary>Completes when the object no longer exists (watch-driven), or throws TimeoutException naming it.</summary>
    public Task WaitUntilGoneAsync<T>(string? @namespace, string name, TimeSpan timeout, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        ObjectWaiter.WaitUntilGoneAsync<T>(this, @namespace ?? DefaultNamespace, name, timeout, cancellationToken);

    /// <summary>Watch as a stream of typed events; resumes after dropped connections and relists after 410 Gone.</summary>
    public IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        objects.WatchAsync<T>(@namespace, options, cancellationToken);

    /// <summary>Completes with the first state of the object for which <paramref name="condition"/> holds (watch-driven).</summary>
    public Task<T> WaitForAsync<T>(string? @namespace, string name, Func<T, bool> condition, TimeSpan timeout, CancellationToken cancellationToken) where T : class, IKubernetesObject<V1ObjectMeta> =>
        ObjectWaiter.WaitForAsync(this, @namespace ?? DefaultNamespace, name, condition, timeout, cancellationToken);

    /// <summary>GET pod logs.</summary>
    public async Task<string> GetLogsAsync(string @namespace, string pod, string? container, CancellationToken cancellationToken)
    {
        using var stream = await Api.CoreV1.ReadNamespacedPodLogAsync(pod, @namespace, container: container, cancellationToken: cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Run a command in a pod over the package's WebSocket exec.</summary>
    public Task<ExecResult> ExecAsync(string @namespace, string pod, string? container, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        PodExec.RunAsync(Api, @namespace, pod, container, command, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => Api.Dispose();

    private string DefaultNamespace => Connection.Namespace ?? "default";
}
