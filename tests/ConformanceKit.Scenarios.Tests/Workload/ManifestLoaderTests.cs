using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class ManifestLoaderTests
{
    [Test]
    public void Load_HelmTemplateOutput_SkipsEmptyDocumentsAndKeepsSourceComments()
    {
        // Given helm template output: a leading separator, a template that rendered nothing (document 1), # Source comments
        var text = $"""
            ---
            # Source: db/templates/empty.yaml
            ---
            # Source: db/templates/service.yaml
            {WorkloadYaml.HeadlessService}
            ---
            # Source: db/templates/statefulset.yaml
            {WorkloadYaml.StatefulSet()}
            """;

        // When
        var documents = ManifestLoader.Load("chart.yaml", text);

        // Then the two objects are typed by the package, with their document index and Helm source
        documents.Count.ShouldBe(2);
        documents[0].As<V1Service>()!.Spec.ClusterIP.ShouldBe("None");
        documents[0].Where.ShouldBe("chart.yaml document 2 (line 5, # Source: db/templates/service.yaml)");
        documents[1].As<V1StatefulSet>()!.Spec.ServiceName.ShouldBe("db");
        documents[1].Label.ShouldStartWith("chart.yaml document 3 (line ");
        documents[1].Label.ShouldEndWith(", # Source: db/templates/statefulset.yaml) StatefulSet/db");
    }

    [Test]
    public void Load_List_ReadsEachItemAsAnObject()
    {
        // Given a kind: List holding a ConfigMap and a Secret
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings}
              data: {mode: primary}
            - apiVersion: v1
              kind: Secret
              metadata: {name: password}
              stringData: {value: s3cret}
            """;

        // When
        var documents = ManifestLoader.Load("list.yaml", text);

        // Then
        documents.Select(d => d.Label).ShouldBe(["list.yaml document 1 item 1 (line 4) ConfigMap/settings", "list.yaml document 1 item 2 (line 8) Secret/password"]);
        documents[0].As<V1ConfigMap>()!.Data["mode"].ShouldBe("primary");
    }

    [Test]
    public void Load_KindThePackageDoesNotKnow_KeepsItAsAGenericObject()
    {
        // Given a custom resource next to the workload
        var text = WorkloadYaml.Join("""
            apiVersion: monitoring.example.com/v1
            kind: ServiceMonitor
            metadata:
              name: db
            spec:
              endpoints: [{port: metrics}]
            """, WorkloadYaml.HeadlessService);

        // When
        var documents = ManifestLoader.Load("crd.yaml", text);

        // Then it is kept with its identity and YAML, without a typed object; the Service is typed
        documents[0].Typed.ShouldBeNull();
        (documents[0].ApiVersion, documents[0].Kind, documents[0].Name, documents[0].Group).ShouldBe(("monitoring.example.com/v1", "ServiceMonitor", "db", "monitoring.example.com"));
        documents[0].Node.Children.Count.ShouldBe(4);
        documents[1].Typed.ShouldBeOfType<V1Service>();
    }

    [Test]
    public void Load_YamlThatDoesNotParse_FailsNamingFileAndLine()
    {
        // Given a mapping whose indentation breaks on line 4
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n    labels: x\n";

        // When
        var error = Should.Throw<WorkloadInputException>(() => ManifestLoader.Load("broken.yaml", text));

        // Then
        error.Message.ShouldStartWith("broken.yaml: the YAML does not parse at line 5, column ");
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldContain("fix the file there");
    }

    [Test]
    public void Load_FieldOfTheWrongType_FailsNamingTheDocumentAndTheFileLine()
    {
        // Given a StatefulSet (second document, from line 12) whose replicas is not a number
        var text = WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet().Replace("replicas: 3", "replicas: three", StringComparison.Ordinal));
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("replicas: three", StringComparison.Ordinal)) + 1;

        // When
        var error = Should.Throw<WorkloadInputException>(() => ManifestLoader.Load("typed.yaml", text));

        // Then
        error.Message.ShouldStartWith($"typed.yaml document 2 (line 12) StatefulSet/db: does not read as apps/v1 StatefulSet at line {line}, column ");
    }

    [TestCase("kind: Service\nmetadata: {name: x}\n", "has no apiVersion")]
    [TestCase("apiVersion: v1\nkind: Service\nmetadata: {generateName: x-}\n", "has no metadata.name (generateName cannot be applied")]
    [TestCase("- a\n- b\n", "is not a Kubernetes object")]
    [TestCase("---\n---\n# nothing\n", "holds no Kubernetes object")]
    public void Load_DocumentThatIsNotAnObject_FailsWithOneLine(string text, string expected)
    {
        // When
        var error = Should.Throw<WorkloadInputException>(() => ManifestLoader.Load("odd.yaml", text));

        // Then
        error.Message.ShouldStartWith("odd.yaml");
        error.Message.ShouldContain(expected);
    }

    [Test]
    public void LoadFiles_MissingFile_FailsNamingTheFlag()
    {
        // When
        var error = Should.Throw<WorkloadInputException>(() => ManifestLoader.LoadFiles(["/nonexistent/sts.yaml"]));

        // Then
        error.Message.ShouldStartWith("--workload-manifest /nonexistent/sts.yaml: no such file");
    }

    [Test]
    public void LoadFiles_SameObjectInTwoFiles_IsRefused()
    {
        // Given the Service in two files
        var dir = Directory.CreateTempSubdirectory("ck-workload-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), WorkloadYaml.HeadlessService);
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), WorkloadYaml.HeadlessService);

            // When
            var error = Should.Throw<WorkloadInputException>(() => ManifestLoader.LoadFiles([Path.Combine(dir.FullName, "a.yaml"), Path.Combine(dir.FullName, "b.yaml")]));

            // Then
            error.Message.ShouldContain("are the same object (Service/db)");

            // And the control: one file loads
            ManifestLoader.LoadFiles([Path.Combine(dir.FullName, "a.yaml")]).Count.ShouldBe(1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public void LoadFiles_SameNameInTwoNamespaces_IsRefusedSinceAScenarioHasOne()
    {
        // Given Service db written for namespaces a and b
        var dir = Directory.CreateTempSubdirectory("ck-workload-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.yaml");
            File.WriteAllText(a, WorkloadYaml.Join(
                WorkloadYaml.HeadlessService.Replace("  name: db", "  name: db\n  namespace: a", StringComparison.Ordinal),
                WorkloadYaml.HeadlessService.Replace("  name: db", "  name: db\n  namespace: b", StringComparison.Ordinal)));

            // When / Then
            Should.Throw<WorkloadInputException>(() => ManifestLoader.LoadFiles([a])).Message.ShouldContain("are the same object (Service/db) once in the scenario's namespace");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestCase("|", "a\nb\n")]
    [TestCase("|-", "a\nb")]
    public void Load_BlockScalarEndingADocument_KeepsItsChomping(string indicator, string expected)
    {
        // Given a ConfigMap whose last field is a block scalar, followed by another document
        var text = WorkloadYaml.Join($"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\ndata:\n  f: {indicator}\n    a\n    b", WorkloadYaml.HeadlessService);

        // When
        var config = ManifestLoader.Load("c.yaml", text)[0].As<V1ConfigMap>()!;

        // Then the typed value is what YAML says: clip keeps the final newline, strip drops it
        config.Data["f"].ShouldBe(expected);
    }
}
