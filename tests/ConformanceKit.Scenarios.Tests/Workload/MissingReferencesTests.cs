using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>The Secrets and ConfigMaps a set's pod template needs that its files do not hold: warnings before any apply.</summary>
public sealed class MissingReferencesTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "s1" };

    private const string Secret = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db-creds
        stringData:
          password: s3cret
        """;

    [Test]
    public void SecretInTheFiles_IsNoWarning_WithoutItOneWarningNamesTheFieldAndTheSecret()
    {
        // Given a set whose container takes its password from the Secret db-creds, with and without that Secret in the files (control)
        var set = WorkloadYaml.StatefulSet(extraContainer: EnvFromSecretKey(optional: ""));

        // When each is judged
        var with = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, Secret, set));
        var without = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, set));

        // Then only the files without it warn, naming the field and the Secret in one line
        with.ShouldBeEmpty();
        without.Select(w => w.ToString()).ShouldBe(
        [
            "spec.template.spec.containers[main].env[PASSWORD].valueFrom.secretKeyRef.name references Secret \"db-creds\", which is not in the files: "
            + "each test applies them into its own namespace, so add it to the files (a Secret made by an operator from a document in the files is fine)",
        ]);
    }

    [Test]
    public void OptionalReference_IsNoWarning()
    {
        // Given the same reference marked optional: true, and marked optional: false (control)
        var optional = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet(extraContainer: EnvFromSecretKey(optional: "optional: true"))));
        var required = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet(extraContainer: EnvFromSecretKey(optional: "optional: false"))));

        // Then the kubelet starts the pod without an optional one: no warning; a required one warns
        optional.ShouldBeEmpty();
        required.Single().Name.ShouldBe("db-creds");
    }

    [Test]
    public void EveryKindOfReference_InContainersInitContainersVolumesAndPullSecrets_IsFound()
    {
        // Given a pod template naming objects in every place the kubelet reads them, one ConfigMap of them in the files
        var files = WorkloadYaml.Join(WorkloadYaml.HeadlessService, ReferenceYaml.EverySource, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: provided}\ndata: {a: b}");

        // When it is judged
        var missing = Missing(files);

        // Then each missing one is a line naming its field; the provided ConfigMap and the optional Secret are not
        missing.Select(m => $"{m.Field} {m.Kind} {m.Name}").ShouldBe(
        [
            "spec.template.spec.initContainers[setup].envFrom[0].configMapRef.name ConfigMap setup-env",
            "spec.template.spec.containers[main].env[MODE].valueFrom.configMapKeyRef.name ConfigMap app-config",
            "spec.template.spec.containers[main].envFrom[1].secretRef.name Secret app-env",
            "spec.template.spec.volumes[certs].secret.secretName Secret tls",
            "spec.template.spec.volumes[conf].configMap.name ConfigMap app-config",
            "spec.template.spec.volumes[bundle].projected.sources[0].secret.name Secret bundle-key",
            "spec.template.spec.volumes[bundle].projected.sources[1].configMap.name ConfigMap bundle-ca",
            "spec.template.spec.imagePullSecrets[regcred].name Secret regcred",
        ]);
    }

    [Test]
    public void ObjectOfTheSameNameButAnotherKind_DoesNotProvideIt()
    {
        // Given a ConfigMap named db-creds where the template needs the Secret db-creds, and the Secret itself (control)
        var set = WorkloadYaml.StatefulSet(extraContainer: EnvFromSecretKey(optional: ""));
        var configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: db-creds}\ndata: {password: x}";

        // When both are judged
        var wrongKind = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, configMap, set));
        var rightKind = Missing(WorkloadYaml.Join(WorkloadYaml.HeadlessService, Secret, set));

        // Then only the same kind and name provides it
        wrongKind.Single().Kind.ShouldBe("Secret");
        rightKind.ShouldBeEmpty();
    }

    [Test]
    public void SeedExamples_HaveNoWarnings()
    {
        // When both seed workloads are prepared as the run prepares them
        var redis = WorkloadPlan.Prepare([RepositoryFiles.Path("manifests", "examples", "redis-cluster.yaml")], null, [], Labels);
        var nginx = WorkloadPlan.Prepare([RepositoryFiles.Path("manifests", "examples", "sfs-test01.yaml")], null, [], Labels);

        // Then neither names an object it lacks, and the summary has no warnings section
        redis.MissingReferences.ShouldBeEmpty();
        nginx.MissingReferences.ShouldBeEmpty();
        nginx.Summary().ShouldNotContain(l => l.StartsWith("warnings", StringComparison.Ordinal));
    }

    [Test]
    public void HelmStyleSet_WithEnvFromAConfigMapInTheFiles_HasNoWarning_WithoutItsDocumentOneInTheSummary()
    {
        // Given helm template output whose set takes its environment from the chart's own ConfigMap, and the same without it (control)
        var dir = Directory.CreateTempSubdirectory("ck-refs-");
        try
        {
            var full = Path.Combine(dir.FullName, "chart.yaml");
            var partial = Path.Combine(dir.FullName, "partial.yaml");
            File.WriteAllText(full, ReferenceYaml.HelmChart(withConfigMap: true));
            File.WriteAllText(partial, ReferenceYaml.HelmChart(withConfigMap: false));

            // When both are prepared
            var whole = WorkloadPlan.Prepare([full], null, [], Labels);
            var lacking = WorkloadPlan.Prepare([partial], null, [], Labels);

            // Then the chart with its ConfigMap has no warning; without it the summary ends with the one warning
            whole.MissingReferences.ShouldBeEmpty();
            lacking.Summary().TakeLast(2).ShouldBe(
            [
                "warnings (the run goes on):",
                "  spec.template.spec.containers[app].envFrom[0].configMapRef.name references ConfigMap \"release-name-app-env\", which is not in the files: "
                + "each test applies them into its own namespace, so add it to the files (a ConfigMap made by an operator from a document in the files is fine)",
            ]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<MissingReference> Missing(string yaml)
    {
        var workload = WorkloadSelector.Select(ManifestLoader.Load("app.yaml", yaml));
        return PodTemplateReferences.Missing(workload.StatefulSet, workload.Documents);
    }

    private static string EnvFromSecretKey(string optional) => $$"""
        env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {name: db-creds, key: password{{(optional.Length > 0 ? ", " + optional : "")}}}
        """;
}
