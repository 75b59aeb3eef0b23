using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Workload;
using k8s;
using k8s.Models;
using Shouldly;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class YamlJsonTests
{
    [TestCase("3", "3")]
    [TestCase("-12", "-12")]
    [TestCase("\"3\"", "\"3\"")]
    [TestCase("0644", "420")]
    [TestCase("'0644'", "\"0644\"")]
    [TestCase("0x1F", "31")]
    [TestCase("1_000", "1000")]
    [TestCase("0", "0")]
    [TestCase("1.5", "1.5")]
    [TestCase("1e3", "1000")]
    [TestCase("true", "true")]
    [TestCase("yes", "true")]
    [TestCase("off", "false")]
    [TestCase("~", "null")]
    [TestCase("", "null")]
    [TestCase("5Mi", "\"5Mi\"")]
    [TestCase("1.2.3", "\"1.2.3\"")]
    [TestCase("!!str 3", "\"3\"")]
    [TestCase("redis:6.2", "\"redis:6.2\"")]
    public void Convert_PlainAndQuotedScalars_ReadAsKubectlReadsThem(string yaml, string json)
    {
        // Given
        var stream = new YamlStream();
        stream.Load(new StringReader($"v: {yaml}\n"));

        // When
        var converted = YamlJson.Convert(stream.Documents[0].RootNode);

        // Then
        converted.ShouldBe($$"""{"v":{{json}}}""");
    }

    [TestCase("redis-cluster.yaml")]
    [TestCase("sfs-test01.yaml")]
    public void Convert_SeedExamples_ReadsBackAsTheSameTypedObjects(string file)
    {
        // Given the example's documents, typed from their YAML by the package
        var documents = ManifestLoader.LoadFiles([RepositoryFiles.Path("manifests", "examples", file)]);

        // When each is read back from its JSON
        foreach (var document in documents)
        {
            var json = RewrittenWorkload.JsonOf(document);
            var again = document.Kind == "StatefulSet" ? (object)KubernetesJson.Deserialize<V1StatefulSet>(json) : KubernetesJson.Deserialize<V1Service>(json);

            // Then it is the same object
            KubernetesJson.Serialize(again).ShouldBe(KubernetesJson.Serialize(document.Typed!));
        }
    }

    [Test]
    public void Convert_ConfigMapVolumeDefaultMode_IsTheOctalValue()
    {
        // Given a pod template volume written with an octal mode, as manifests do
        var set = WorkloadYaml.StatefulSet(extraContainer: "").Replace("      containers:", "      volumes:\n      - name: conf\n        configMap: {name: c, defaultMode: 0644}\n      containers:", StringComparison.Ordinal);
        var document = ManifestLoader.Load("db.yaml", set).Single();

        // When
        var typed = KubernetesJson.Deserialize<V1StatefulSet>(RewrittenWorkload.JsonOf(document));

        // Then both the package's YAML reading and our JSON say 420
        typed.Spec.Template.Spec.Volumes[0].ConfigMap.DefaultMode.ShouldBe(420);
        document.As<V1StatefulSet>()!.Spec.Template.Spec.Volumes[0].ConfigMap.DefaultMode.ShouldBe(420);
    }
}
