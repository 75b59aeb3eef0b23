using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Manifests;

public sealed class OtherManifestTests
{
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());
    private static readonly Dictionary<string, string> Session = new() { ["conformancekit.io/session"] = "s-42" };

    [Test]
    public void Render_Service_IsHeadlessWithANamedPortAndTheAppSelector()
    {
        // Given service parameters
        var parameters = new ServiceParameters { Name = "db-svc", Namespace = "ck-1", App = "db", PortName = "peer", Port = 6379, Labels = Session };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then it is headless, selects the app and names its port
        yaml.Value("kind").ShouldBe("Service");
        yaml.Value("metadata.name").ShouldBe("db-svc");
        yaml.Value("spec.clusterIP").ShouldBe("None");
        yaml.Map("spec.selector").ShouldBe(new Dictionary<string, string> { ["app"] = "db" });
        yaml.Value("spec.ports[0].name").ShouldBe("peer");
        yaml.Value("spec.ports[0].port").ShouldBe("6379");
        yaml.Map("metadata.labels")["conformancekit.io/session"].ShouldBe("s-42");
    }

    [TestCase(VolumeBindingMode.Immediate)]
    [TestCase(VolumeBindingMode.WaitForFirstConsumer)]
    public void Render_StorageClass_HasNoProvisionerTheBindingModeAndNoNamespace(VolumeBindingMode mode)
    {
        // Given a uniquely named class with a binding mode
        var parameters = new StorageClassParameters { Name = "ck-manual-ck-1", BindingMode = mode, Labels = Session };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then it can provide no volume, binds as asked, and is cluster-scoped and labelled with the session
        yaml.Value("kind").ShouldBe("StorageClass");
        yaml.Value("metadata.name").ShouldBe("ck-manual-ck-1");
        yaml.Find("metadata.namespace").ShouldBeNull();
        yaml.Value("provisioner").ShouldBe("kubernetes.io/no-provisioner");
        yaml.Value("volumeBindingMode").ShouldBe(mode.ToString());
        yaml.Map("metadata.labels").ShouldBe(Session);
    }

    [Test]
    public void Render_DnsProbePod_RunsTheImageAndNeverRestarts()
    {
        // Given probe pod parameters
        var parameters = new PodParameters { Name = "dns-probe", Namespace = "ck-1", Image = "local/busybox:ck", Labels = Session };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then it is a busybox pod that stays up for exec
        yaml.Value("kind").ShouldBe("Pod");
        yaml.Value("spec.containers[0].image").ShouldBe("local/busybox:ck");
        yaml.Value("spec.restartPolicy").ShouldBe("Never");
        yaml.Map("metadata.labels")["app"].ShouldBe("dns-probe");
    }

    [Test]
    public void Render_Deployment_SelectsItsOwnPods()
    {
        // Given deployment parameters
        var parameters = new DeploymentParameters { Name = "plain", Namespace = "ck-1", Image = "local/busybox:ck", Replicas = 2 };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then its selector matches its pod template and its replica count is an integer
        yaml.Value("kind").ShouldBe("Deployment");
        yaml.Map("spec.selector.matchLabels").ShouldBe(new Dictionary<string, string> { ["app"] = "plain" });
        yaml.Map("spec.template.metadata.labels")["app"].ShouldBe("plain");
        yaml.Value("spec.replicas").ShouldBe("2");
    }

    [Test]
    public void Combine_TwoDocuments_YieldsAMultiDocumentText()
    {
        // Given a service and a set
        var service = Renderer.Render(new ServiceParameters { Name = "web", Namespace = "ck-1", App = "web" });
        var set = Renderer.Render(new StatefulSetParameters { Name = "web", Namespace = "ck-1", Image = "b" });

        // When combined
        var combined = ManifestRenderer.Combine(service, set);

        // Then YamlDotNet reads two documents, in order
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(combined));
        stream.Documents.Count.ShouldBe(2);
        stream.Documents[1].RootNode["kind"].ToString().ShouldBe("StatefulSet");
    }

    [Test]
    public void Read_MissingTemplate_NamesTheFileAndWhereItLooked()
    {
        // Given templates from an empty directory
        var templates = ManifestTemplates.FromDirectory(Path.GetTempPath());

        // When a template is read
        var error = Should.Throw<FileNotFoundException>(() => templates.Read("nope.yaml"));

        // Then the message names the file and the directory
        error.Message.ShouldContain("nope.yaml");
        error.Message.ShouldContain(Path.GetFullPath(Path.GetTempPath()));
    }

    [Test]
    public void EveryTemplate_IsOneDocumentThatOpensWithAnExplanation()
    {
        // Given every YAML file in manifests/
        var files = Directory.GetFiles(RenderedYaml.ManifestsDirectory(), "*.yaml");
        files.Length.ShouldBeGreaterThanOrEqualTo(7);

        foreach (var file in files)
        {
            // When it is read
            var text = File.ReadAllText(file);

            // Then it documents itself and parses as exactly one mapping
            text.TrimStart().ShouldStartWith("#", customMessage: $"{file} should open with a comment saying what it shows");
            new RenderedYaml(text).Value("kind").ShouldNotBeNullOrEmpty();
        }
    }
}
