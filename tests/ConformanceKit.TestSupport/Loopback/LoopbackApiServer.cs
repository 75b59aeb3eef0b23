using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using ConformanceKit.TestSupport.Pki;
using k8s.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>
/// An HTTPS Kubernetes API server on 127.0.0.1 (random port) inside the test process, with a certificate from a
/// throw-away <see cref="TestPki"/>. Tests script it with routes (method + path, optionally a query predicate);
/// every request is recorded. Unscripted requests get a 404 Status naming the route.
/// </summary>
public sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestPki pki;
    private readonly List<Route> routes = [];
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private LoopbackApiServer(WebApplication app, TestPki pki)
    {
        this.app = app;
        this.pki = pki;
    }

    /// <summary>The server's base address, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The CA that issued the server certificate (trust it, and only it).</summary>
    public X509Certificate2 Ca => pki.Ca;

    /// <summary>The PKI behind the server, e.g. to issue client certificates.</summary>
    public TestPki Pki => pki;

    /// <summary>
    /// When set, the server's clock runs this far from the machine's: every answer's Date header says now plus this,
    /// read as the headers go out (RFC 1123, whole seconds, as a real API server writes it). Null: Kestrel's own Date,
    /// which it refreshes once a second and so may be up to a second old.
    /// </summary>
    public TimeSpan? ClockOffset { get; set; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Starts a server on 127.0.0.1 with a fresh PKI.</summary>
    public static async Task<LoopbackApiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var pki = TestPki.Create();
        var certificate = pki.IssueServer("localhost", "127.0.0.1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        var server = new LoopbackApiServer(app, pki);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A connection for the product's client that trusts this server's CA, with optional bearer tokens and default namespace.</summary>
    public KubeConnection CreateConnection(ITokenProvider? tokens = null, string? @namespace = null) => new(
        new KubernetesClientConfiguration
        {
            Host = BaseAddress.ToString(),
            SslCaCerts = new X509Certificate2Collection(pki.Ca),
            TokenProvider = tokens,
            Namespace = @namespace,
        },
        "loopback test server");

    /// <summary>Answers every request for method + path (and matching <paramref name="when"/>, if given) with the handler. Later routes win.</summary>
    public LoopbackApiServer Map(string method, string path, LoopbackHandler handler, Func<HttpRequest, bool>? when = null)
    {
        lock (routes)
        {
            routes.Insert(0, new Route(method, path, when, [handler]));
        }

        return this;
    }

    /// <summary>Answers successive requests with successive handlers; the last one answers every later request.</summary>
    public LoopbackApiServer MapSequence(string method, string path, params LoopbackHandler[] handlers) =>
        MapSequence(method, path, null, handlers);

    /// <summary>Like <see cref="MapSequence(string, string, LoopbackHandler[])"/>, only for requests matching <paramref name="when"/>.</summary>
    public LoopbackApiServer MapSequence(string method, string path, Func<HttpRequest, bool>? when, params LoopbackHandler[] handlers)
    {
        lock (routes)
        {
            routes.Insert(0, new Route(method, path, when, new Queue<LoopbackHandler>(handlers)));
        }

        return this;
    }

    /// <summary>Answers successive watch requests (GET with watch=1) on a collection path with successive handlers.</summary>
    public LoopbackApiServer MapWatch(string path, params LoopbackHandler[] handlers) =>
        MapSequence("GET", path, IsWatch, handlers);

    /// <summary>Answers successive list requests (GET without watch=1) on a collection path with successive handlers.</summary>
    public LoopbackApiServer MapList(string path, params LoopbackHandler[] handlers) =>
        MapSequence("GET", path, request => !IsWatch(request), handlers);

    /// <summary>True for a watch request (watch=1 or watch=true).</summary>
    public static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "1" or "true";

    /// <summary>Requests received for a path (query ignored).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. requests.Where(r => r.Path == path)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        pki.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var pathAndQuery = context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        requests.Enqueue(new RecordedRequest(context.Request.Method, pathAndQuery, headers, body));
        if (ClockOffset is { } offset)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = (DateTimeOffset.UtcNow + offset).ToString("r", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        var handler = Find(context.Request);
        if (handler is null)
        {
            await Respond.Status(404, "NotFound", $"the loopback server has no route for {context.Request.Method} {pathAndQuery}")(context);
            return;
        }

        await handler(context);
    }

    private LoopbackHandler? Find(HttpRequest request)
    {
        lock (routes)
        {
            var route = routes.FirstOrDefault(r => string.Equals(r.Method, request.Method, StringComparison.OrdinalIgnoreCase)
                && r.Path == Normalized(request.Path.Value) && (r.When is null || r.When(request)));
            return route?.Next();
        }
    }

    /// <summary>The API server serves /version/ as /version; so does this one.</summary>
    private static string? Normalized(string? path) => path is { Length: > 1 } && path.EndsWith('/') ? path.TrimEnd('/') : path;

    private sealed record Route(string Method, string Path, Func<HttpRequest, bool>? When, Queue<LoopbackHandler> Handlers)
    {
        public Route(string method, string path, Func<HttpRequest, bool>? when, LoopbackHandler[] handlers)
            : this(method, path, when, new Queue<LoopbackHandler>(handlers))
        {
        }

        public LoopbackHandler Next() => Handlers.Count > 1 ? Handlers.Dequeue() : Handlers.Peek();
    }
}
