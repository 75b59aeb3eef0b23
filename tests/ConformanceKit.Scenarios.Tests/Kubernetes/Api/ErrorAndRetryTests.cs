using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Kubernetes.Support.Objects;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class ErrorAndRetryTests : LoopbackTest
{
    private const string PodPath = PodsPath + "/web-0";

    [TestCase(400, "BadRequest")]
    [TestCase(403, "Forbidden")]
    [TestCase(409, "Conflict")]
    [TestCase(410, "Gone")]
    [TestCase(422, "Invalid")]
    public async Task Get_NonRetriableStatus_FailsAfterOneRequestWithTheStatus(int code, string reason)
    {
        // Given a server that refuses with a Status body
        Server.Map("GET", PodPath, Respond.Status(code, reason, $"refused with {code}"));
        using var client = CreateClient();

        // When the pod is read
        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetAsync<V1Pod>(Ns, "web-0", CancellationToken.None));

        // Then one request was made and the exception reads verb, path, status, reason and message
        error.Message.ShouldBe($"GET {PodPath}: {code} {reason}: refused with {code}");
        Server.RequestsTo(PodPath).Count.ShouldBe(1);
    }

    [Test]
    public async Task Delete_NotFound_IsNotRetriedAndReturnsFalse()
    {
        // Given a pod that does not exist
        Server.Map("DELETE", PodPath, Respond.Status(404, "NotFound", "pods \"web-0\" not found"));
        using var client = CreateClient();

        // When it is deleted
        var deleted = await client.DeleteAsync<V1Pod>(Ns, "web-0", null, CancellationToken.None);

        // Then the answer is false after exactly one request
        deleted.ShouldBeFalse();
        Server.RequestsTo(PodPath).Count.ShouldBe(1);
    }

    [Test]
    public async Task Get_TooManyRequests_WaitsForRetryAfterThenSucceeds()
    {
        // Given a server that first answers 429 with Retry-After: 1
        Server.MapSequence("GET", PodPath,
            Respond.Status(429, "TooManyRequests", "slow down", ("Retry-After", "1")),
            Respond.Json(200, Pod("web-0", "u0", "5")));
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();

        // When the pod is read
        var pod = await client.GetAsync<V1Pod>(Ns, "web-0", CancellationToken.None);

        // Then the client waited about a second (not the sub-second backoff) and retried once
        pod!.Metadata.ResourceVersion.ShouldBe("5");
        Server.RequestsTo(PodPath).Count.ShouldBe(2);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
    }

    [TestCase(500)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Get_ServerErrors_AreRetried(int code)
    {
        // Given a server failing twice with a transient status
        Server.MapSequence("GET", PodPath, Respond.Status(code, "InternalError", "x"), Respond.Status(code, "InternalError", "x"), Respond.Json(200, Pod("web-0", "u0", "6")));
        using var client = CreateClient();

        // When the pod is read
        var pod = await client.GetAsync<V1Pod>(Ns, "web-0", CancellationToken.None);

        // Then the third attempt succeeded
        pod!.Metadata.ResourceVersion.ShouldBe("6");
        Server.RequestsTo(PodPath).Count.ShouldBe(3);
    }

    [Test]
    public async Task Get_TransientFailurePastTheDeadline_SurfacesTheLastAnswer()
    {
        // Given a server that is always unavailable and a short deadline
        Server.Map("GET", PodPath, Respond.Status(503, "ServiceUnavailable", "still starting"));
        using var client = CreateClient(TimeSpan.FromSeconds(1));

        // When the pod is read
        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetAsync<V1Pod>(Ns, "web-0", CancellationToken.None));

        // Then the last 503 surfaces after several attempts
        error.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Server.RequestsTo(PodPath).Count.ShouldBeGreaterThan(1);
    }

    [Test]
    public async Task Request_ResetConnection_IsRetried()
    {
        // Given a server that resets the first connection
        Server.MapSequence("GET", PodPath, Respond.Abort(), Respond.Json(200, Pod("web-0", "u0", "7")));
        using var client = CreateClient();

        // When the pod is read
        var pod = await client.GetAsync<V1Pod>(Ns, "web-0", CancellationToken.None);

        // Then the retry got the answer
        pod!.Metadata.ResourceVersion.ShouldBe("7");
        Server.RequestsTo(PodPath).Count.ShouldBe(2);
    }

    [Test]
    public async Task Request_UnreachableServer_FailsWithinTheDeadlineNamingTheServer()
    {
        // Given a loopback port nobody listens on
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var connection = new KubeConnection(new KubernetesClientConfiguration { Host = $"https://127.0.0.1:{port}/", SslCaCerts = new(Server.Ca) }, "test");
        using var client = KubeClient.Create(connection, new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        // When the version is read
        var error = await Should.ThrowAsync<KubeUnreachableException>(() => client.GetVersionAsync(CancellationToken.None));

        // Then it failed within the deadline (plus one backoff step) with the URL, the deadline and what to check
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        error.Message.ShouldContain($"https://127.0.0.1:{port}/");
        error.Message.ShouldContain("'00:00:02'");
        error.Message.ShouldContain("refused", Case.Insensitive);
    }

    [Test]
    public async Task Request_ServerThatNeverAnswers_FailsWithinTheRetryDeadlineNotTheRequestTimeout()
    {
        // Given a server that accepts /version and never answers, a 2 s retry deadline and a 30 s request timeout
        Server.Map("GET", "/version", context => Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted));
        using var client = KubeClient.Create(Server.CreateConnection(),
            new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();

        // When the version is read
        var error = await Should.ThrowAsync<KubeUnreachableException>(() => client.GetVersionAsync(CancellationToken.None));

        // Then it gave up near the retry deadline, naming the server, long before one request timeout
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6));
        error.Message.ShouldContain(Server.BaseAddress.ToString());
    }
}
