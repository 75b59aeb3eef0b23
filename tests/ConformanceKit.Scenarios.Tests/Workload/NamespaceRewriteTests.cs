using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class NamespaceRewriteTests
{
    // The keys the run's RunSession puts on what it creates (ConformanceKit.Fixtures SessionLabels), passed in as the live run will.
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["conformancekit.io/session"] = "20261205-2107-ab12",
        ["conformancekit.io/host"] = "ci-7",
        ["conformancekit.io/pid"] = "4242",
    };

    [Test]
    public void Apply_ObjectsWithoutNamespace_GetTheScenarioNamespaceAndLabelsAndNothingElse()
    {
        // Given the Service and the StatefulSet, without namespace
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet()));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-workload-1", Labels);

        // Then each document lists the namespace and each label as a change, and the typed objects carry them
        rewritten.Changes.Count.ShouldBe(8);
        rewritten.Changes[0].ToString().ShouldBe("db.yaml document 1 (line 1) Service/db: metadata.namespace (not set) → ck-workload-1");
        rewritten.Changes[1].ToString().ShouldBe("db.yaml document 1 (line 1) Service/db: metadata.labels[conformancekit.io/session] (not set) → 20261205-2107-ab12");
        var set = rewritten.Documents[1].As<V1StatefulSet>()!;
        set.Metadata.NamespaceProperty.ShouldBe("ck-workload-1");
        set.Metadata.Labels["conformancekit.io/pid"].ShouldBe("4242");
        rewritten.References.ShouldBeEmpty();

        // And apart from metadata the applied YAML is the user's: the spec is identical
        var before = (V1StatefulSet)documents[1].Typed!;
        k8s.KubernetesJson.Serialize(set.Spec).ShouldBe(k8s.KubernetesJson.Serialize(before.Spec));
        set.Spec.Template.Metadata.Labels.Keys.ShouldBe(["app"]);
    }

    [Test]
    public void Apply_ExplicitNamespace_IsReplacedAndListedWithItsOldValue()
    {
        // Given a Service written for namespace prod, with a label of its own
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.HeadlessService.Replace("  name: db", "  name: db\n  namespace: prod\n  labels: {tier: data}", StringComparison.Ordinal));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-workload-1", Labels);

        // Then
        rewritten.Changes[0].ShouldBe(new WorkloadChange("db.yaml document 1 (line 1) Service/db", "metadata.namespace", "prod", "ck-workload-1"));
        rewritten.Documents[0].As<V1Service>()!.Metadata.Labels.ShouldContainKeyAndValue("tier", "data");
        rewritten.Yaml.ShouldContain("namespace: \"ck-workload-1\"");
        rewritten.Yaml.ShouldNotContain("prod");
    }

    [Test]
    public void Apply_AlreadyInTheNamespaceWithTheLabels_ChangesNothing()
    {
        // Given the rewrite's own output (the negative control for the change list)
        var once = NamespaceRewrite.Apply(ManifestLoader.Load("db.yaml", WorkloadYaml.HeadlessService), "ck-workload-1", Labels);

        // When it is rewritten again
        var twice = NamespaceRewrite.Apply(once.Documents, "ck-workload-1", Labels);

        // Then
        twice.Changes.ShouldBeEmpty();
        twice.Yaml.ShouldBe(once.Yaml);
    }

    [Test]
    public void Apply_FieldThePackageDoesNotModel_IsKeptInTheAppliedYaml()
    {
        // Given a set with a field the client package does not know (a newer API, or a typo the server will judge)
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet(extraSpec: "futureField: keep-me"));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-workload-1", Labels);

        // Then the YAML applied still has it (the typed object cannot)
        rewritten.Yaml.ShouldContain("futureField: keep-me");
    }

    [Test]
    public void Apply_ClusterScopedDocument_IsRefusedSayingWhy()
    {
        // Given a StorageClass and a ClusterRole in the files
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: example.com/disk",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: db-reader}\nrules: []",
            WorkloadYaml.HeadlessService));

        // When
        var error = Should.Throw<WorkloadInputException>(() => NamespaceRewrite.Apply(documents, "ck-workload-1", Labels));

        // Then
        error.Message.ShouldStartWith("db.yaml document 1 (line 1) StorageClass/fast: StorageClass is cluster-scoped, and each scenario applies the workload only into its own namespace: a test must not create or change what it does not own");
        error.Message.ShouldEndWith("(and 1 more: ClusterRole/db-reader)");
    }

    [Test]
    public void Apply_ValuesNamingTheOriginalNamespace_AreReportedNotChanged()
    {
        // Given a RoleBinding subject in prod and an env value with a prod service address
        var roleBinding = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: db}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: db}
            subjects:
            - {kind: ServiceAccount, name: db, namespace: prod}
            """;
        var env = "env:\n- name: PRIMARY\n  value: db-0.db.prod.svc.cluster.local:5432\n- name: LOCAL\n  value: db-0.db";
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(roleBinding, WorkloadYaml.StatefulSet(extraContainer: env)));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-workload-1", Labels);

        // Then both are reported with their field, and the YAML still says prod there
        rewritten.References.Select(r => (r.Field, r.Value, r.Namespace)).ShouldBe(
        [
            ("subjects[db].namespace", "prod", "prod"),
            ("spec.template.spec.containers[main].env[PRIMARY].value", "db-0.db.prod.svc.cluster.local", "prod"),
        ]);
        rewritten.References[1].ToString().ShouldContain("names namespace prod, not the scenario's; left as written");
        rewritten.Yaml.ShouldContain("db-0.db.prod.svc.cluster.local:5432");
        rewritten.Changes.ShouldNotContain(c => c.Field.Contains("subjects", StringComparison.Ordinal) || c.Field.Contains("env", StringComparison.Ordinal));
    }

    [TestCase("test", false)]
    [TestCase("test-success", false)]
    [TestCase("pre-install,post-upgrade", true)]
    public void Apply_HelmHook_LeavesOutOnlyTestHooks(string hook, bool applied)
    {
        // Given a Job annotated as a Helm hook
        var job = $"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations: {{helm.sh/hook: \"{hook}\"}}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{{name: m, image: busybox}}]";
        var documents = ManifestLoader.Load("hooks.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, job));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-1", Labels);

        // Then an install's hooks are applied; test hooks (only helm test runs them) are listed as left out
        rewritten.Documents.Any(d => d.Kind == "Job").ShouldBe(applied);
        rewritten.Omitted.Count.ShouldBe(applied ? 0 : 1);
    }
}
