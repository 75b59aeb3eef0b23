using System.Text.Json;
using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.Scenarios.Tests.Workload;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

/// <summary>What the adapter's apply sends for a YAML text: the one YAML→JSON conversion the workload documents use too.</summary>
public sealed class ApplyConversionTests : LoopbackTest
{
    private const string SetPath = "/apis/apps/v1/namespaces/ns/statefulsets/db";
    private const string ServicePath = "/api/v1/namespaces/ns/services/db";

    [Test]
    public async Task Apply_PlainScalars_AreSentAsKubectlReadsThem()
    {
        // Given a set whose volume mode is written in octal, a plain yes, and the same values quoted
        var yaml = WorkloadYaml.StatefulSet(extraSpec: "minReadySeconds: 0x0A")
            .Replace("      containers:", "      volumes:\n      - name: conf\n        configMap: {name: c, defaultMode: 0644, optional: yes}\n      containers:", StringComparison.Ordinal)
            .Replace("  name: db\n", "  name: db\n  annotations: {mode: '0644', answer: \"yes\"}\n", StringComparison.Ordinal);
        Server.Map("PATCH", SetPath, Respond.Json(200, """{"kind":"StatefulSet","metadata":{"name":"db"}}"""));
        using var client = CreateClient();

        // When it is applied
        await client.ApplyAsync(yaml, "ns", CancellationToken.None);

        // Then the plain scalars are numbers and booleans as kubectl reads YAML, the quoted ones stay strings
        using var body = JsonDocument.Parse(Server.RequestsTo(SetPath).Single().Body);
        var spec = body.RootElement.GetProperty("spec");
        var configMap = spec.GetProperty("template").GetProperty("spec").GetProperty("volumes")[0].GetProperty("configMap");
        configMap.GetProperty("defaultMode").GetInt32().ShouldBe(420);
        configMap.GetProperty("optional").GetBoolean().ShouldBeTrue();
        spec.GetProperty("minReadySeconds").GetInt32().ShouldBe(10);
        var annotations = body.RootElement.GetProperty("metadata").GetProperty("annotations");
        (annotations.GetProperty("mode").GetString(), annotations.GetProperty("answer").GetString()).ShouldBe(("0644", "yes"));
    }

    [Test]
    public async Task Apply_RewrittenWorkloadYaml_SendsEachDocumentAsItsJson()
    {
        // Given a user's workload rewritten for namespace ns, with an octal mode
        var set = WorkloadYaml.StatefulSet()
            .Replace("      containers:", "      volumes:\n      - name: conf\n        configMap: {name: c, defaultMode: 0755}\n      containers:", StringComparison.Ordinal);
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, set));
        var rewritten = NamespaceRewrite.Apply(documents, "ns", new Dictionary<string, string> { ["conformancekit.io/session"] = "s1" });
        Server.Map("PATCH", ServicePath, Respond.Json(200, """{"kind":"Service","metadata":{"name":"db"}}"""));
        Server.Map("PATCH", SetPath, Respond.Json(200, """{"kind":"StatefulSet","metadata":{"name":"db"}}"""));
        using var client = CreateClient();

        // When its multi-document YAML is applied through the adapter
        await client.ApplyAsync(rewritten.Yaml, null, CancellationToken.None);

        // Then each request carried exactly the document's JSON, 0755 as 493
        Server.RequestsTo(ServicePath).Single().Body.ShouldBe(RewrittenWorkload.JsonOf(rewritten.Documents[0]));
        var sent = Server.RequestsTo(SetPath).Single().Body;
        sent.ShouldBe(RewrittenWorkload.JsonOf(rewritten.Documents[1]));
        sent.ShouldContain("\"defaultMode\":493");
    }

    [TestCase("- just\n- a list\n", "YAML document 1 is not a mapping")]
    [TestCase("kind: ConfigMap\nmetadata: {name: c}\n? [a, b]\n: v\n", "is not a scalar")]
    [TestCase("kind: [unclosed\n", "the YAML is not valid at line")]
    public async Task Apply_YamlThatIsNoApiObject_IsRefusedBeforeAnyRequest(string yaml, string message)
    {
        // Given a client
        using var client = CreateClient();

        // When / Then the text is refused, named, and nothing was sent
        var error = await Should.ThrowAsync<FormatException>(() => client.ApplyAsync(yaml, "ns", CancellationToken.None));
        error.Message.ShouldContain(message);
        Server.Requests.Where(r => r.Method == "PATCH").ShouldBeEmpty();
    }
}
