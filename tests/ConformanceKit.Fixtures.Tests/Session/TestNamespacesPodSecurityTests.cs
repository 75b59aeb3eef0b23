using System.Text.Json.Nodes;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>
/// The namespaces a run creates carry <c>pod-security.kubernetes.io/enforce: LEVEL</c> when the run has a level, and no
/// PodSecurity label when it has none: what the loopback API server was sent.
/// </summary>
public sealed class TestNamespacesPodSecurityTests
{
    [TestCase(PodSecurityLevel.Privileged, "privileged")]
    [TestCase(PodSecurityLevel.Baseline, "baseline")]
    [TestCase(PodSecurityLevel.Restricted, "restricted")]
    public async Task Create_WithALevel_SendsTheNamespaceWithItsEnforceLabel_AndNoOtherPodSecurityLabel(PodSecurityLevel level, string value)
    {
        // Given a session whose namespaces enforce the level
        await using var server = await StartAsync();
        using var client = KubeClient.Create(server.CreateConnection());
        var session = RunSession.Create();
        var namespaces = new TestNamespaces(client, session) { PodSecurityLevel = level };

        // When a test asks for its namespace
        var name = await namespaces.CreateAsync("Pods_Start", CancellationToken.None);

        // Then the namespace sent carries the session's labels, the test's, and the enforce label with the level, nothing more
        var labels = SentLabels(server, name);
        labels[TestNamespaces.EnforceLabel].ShouldBe(value);
        labels.Keys.Where(k => k.StartsWith("pod-security.kubernetes.io/", StringComparison.Ordinal)).ShouldBe([TestNamespaces.EnforceLabel]);
        labels.Keys.Order(StringComparer.Ordinal).ShouldBe(
            session.Labels.Keys.Append("conformancekit.io/test").Append(TestNamespaces.EnforceLabel).Order(StringComparer.Ordinal));
    }

    [Test]
    public async Task Create_WithoutALevel_SendsNoPodSecurityLabel()
    {
        // Given a session with no level (control: the same creation as above, today's behaviour)
        await using var server = await StartAsync();
        using var client = KubeClient.Create(server.CreateConnection());
        var session = RunSession.Create();

        // When a test asks for its namespace
        var name = await new TestNamespaces(client, session).CreateAsync("Pods_Start", CancellationToken.None);

        // Then the namespace sent carries only the session's and the test's labels
        var labels = SentLabels(server, name);
        labels.Keys.ShouldNotContain(k => k.StartsWith("pod-security.kubernetes.io/", StringComparison.Ordinal));
        labels.Keys.Order(StringComparer.Ordinal).ShouldBe(session.Labels.Keys.Append("conformancekit.io/test").Order(StringComparer.Ordinal));
    }

    private static async Task<LoopbackApiServer> StartAsync()
    {
        var server = await LoopbackApiServer.StartAsync();
        TestNamespacesServiceAccountTests.MapNamespaceCreation(server, name => TestNamespacesServiceAccountTests.ServiceAccountAppearsAfter(server, name, Task.CompletedTask));
        return server;
    }

    /// <summary>The labels of the one namespace POSTed, which must be <paramref name="name"/>.</summary>
    internal static Dictionary<string, string> SentLabels(LoopbackApiServer server, string name)
    {
        var post = server.Requests.Where(r => r.Method == "POST" && r.Path == "/api/v1/namespaces").ShouldHaveSingleItem();
        var metadata = JsonNode.Parse(post.Body)!["metadata"]!;
        metadata["name"]!.GetValue<string>().ShouldBe(name);
        return metadata["labels"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }
}
