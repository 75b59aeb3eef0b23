using NUnit.Framework;
using Shouldly;
using ConformanceKit.Scenarios.Manifests;
using YamlDotNet.Core;

namespace ConformanceKit.Scenarios.Tests.Manifests;

public sealed class StatefulSetManifestTests
{
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());

    private static StatefulSetParameters Parameters(StatefulSetVariant variant) => new()
    {
        Name = "db",
        Namespace = "ck-7f3a",
        Image = "local/busybox:ck",
        ServiceName = "db-svc",
        Replicas = 5,
        PodManagementPolicy = PodManagementPolicy.Parallel,
        Variant = variant,
        StorageClassName = "fast",
        StorageRequest = "20Mi",
        Labels = new Dictionary<string, string> { ["conformancekit.io/session"] = "s-42" },
    };

    [Test]
    public void Render_WithStorage_SetsEveryTypedFieldFromTheParameters()
    {
        // Given parameters that differ from every default in the template
        var parameters = Parameters(StatefulSetVariant.WithStorage);

        // When the StatefulSet is rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then each field carries the parameter, with the right YAML type
        yaml.Value("kind").ShouldBe("StatefulSet");
        yaml.Value("metadata.name").ShouldBe("db");
        yaml.Value("metadata.namespace").ShouldBe("ck-7f3a");
        yaml.Value("spec.serviceName").ShouldBe("db-svc");
        yaml.Value("spec.replicas").ShouldBe("5");
        yaml.Scalar("spec.replicas").Style.ShouldBe(ScalarStyle.Plain);
        yaml.Value("spec.podManagementPolicy").ShouldBe("Parallel");
        yaml.Map("spec.selector.matchLabels").ShouldBe(new Dictionary<string, string> { ["app"] = "db" });
        yaml.Map("spec.template.metadata.labels")["conformancekit.io/session"].ShouldBe("s-42");
        yaml.Map("metadata.labels")["app"].ShouldBe("db");
        yaml.Value("spec.template.spec.containers[0].image").ShouldBe("local/busybox:ck");
        yaml.Value("spec.template.spec.containers[0].imagePullPolicy").ShouldBe("IfNotPresent");
        yaml.Value("spec.volumeClaimTemplates[0].metadata.name").ShouldBe("data");
        yaml.Value("spec.volumeClaimTemplates[0].spec.storageClassName").ShouldBe("fast");
        yaml.Value("spec.volumeClaimTemplates[0].spec.resources.requests.storage").ShouldBe("20Mi");
        yaml.Value("spec.template.spec.containers[0].volumeMounts[0].mountPath").ShouldBe("/data");
        parameters.ClaimName(2).ShouldBe("data-db-2");
    }

    [Test]
    public void Render_RestartableStorage_CarriesTheStorageFieldsAndTheLivenessProbeTheTestTrips()
    {
        // Given the restart set's parameters
        var parameters = Parameters(StatefulSetVariant.RestartableStorage);

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then the claim template is set like the storage set's, and the probe fails once the trip file exists,
        // every second, at the first failure, with SIGKILL 1 s after the SIGTERM (an image ignoring SIGTERM restarts as fast)
        yaml.Value("spec.volumeClaimTemplates[0].spec.storageClassName").ShouldBe("fast");
        yaml.Value("spec.volumeClaimTemplates[0].spec.resources.requests.storage").ShouldBe("20Mi");
        yaml.List("spec.template.spec.containers[0].livenessProbe.exec.command").ShouldBe(Scenarios.Storage.LivenessTrip.ProbeCommand);
        yaml.Value("spec.template.spec.containers[0].livenessProbe.periodSeconds").ShouldBe("1");
        yaml.Value("spec.template.spec.containers[0].livenessProbe.failureThreshold").ShouldBe("1");
        yaml.Value("spec.template.spec.containers[0].livenessProbe.terminationGracePeriodSeconds").ShouldBe("1");
        yaml.Value("spec.template.spec.terminationGracePeriodSeconds").ShouldBe("1");
        new RenderedYaml(Renderer.Render(Parameters(StatefulSetVariant.WithStorage))).Find("spec.template.spec.containers[0].livenessProbe").ShouldBeNull();
    }

    [Test]
    public void Render_WithoutStorageClass_OmitsTheFieldSoTheClusterDefaultApplies()
    {
        // Given storage parameters naming no class
        var parameters = Parameters(StatefulSetVariant.WithStorage) with { StorageClassName = null };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then the claim template has no storageClassName at all (an empty string would mean "no class")
        yaml.Find("spec.volumeClaimTemplates[0].spec.storageClassName").ShouldBeNull();
        yaml.Value("spec.volumeClaimTemplates[0].spec.accessModes[0]").ShouldBe("ReadWriteOnce");
    }

    [Test]
    public void Render_HeldVariant_IsReadyOnlyOnceTheReadyFileExists()
    {
        // Given the held-readiness variant with the default policy
        var parameters = Parameters(StatefulSetVariant.HeldReadiness) with { PodManagementPolicy = PodManagementPolicy.OrderedReady };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then the readiness probe tests for the file the test touches, and the set has no storage
        yaml.List("spec.template.spec.containers[0].readinessProbe.exec.command")
            .ShouldBe(["test", "-f", ManifestRenderer.ReadyFile]);
        yaml.Value("spec.podManagementPolicy").ShouldBe("OrderedReady");
        yaml.Find("spec.volumeClaimTemplates").ShouldBeNull();
    }

    [Test]
    public void Render_BasicVariant_IsReadyWhenServingHttpAndHasAShortGracePeriod()
    {
        // Given the basic variant
        var parameters = Parameters(StatefulSetVariant.Basic);

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then pods are Ready when they serve HTTP, have a small grace period and no claim templates
        yaml.Value("spec.template.spec.containers[0].readinessProbe.httpGet.port").ShouldBe("http");
        yaml.Value("spec.template.spec.containers[0].ports[0].containerPort").ShouldBe("80");
        yaml.Find("spec.template.spec.containers[0].command").ShouldBeNull();
        int.Parse(yaml.Value("spec.template.spec.terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThanOrEqualTo(5);
        yaml.Find("spec.volumeClaimTemplates").ShouldBeNull();
    }

    [Test]
    public void Render_WithATerminationDelay_HoldsEachPodTerminatingThatLongWithinItsGracePeriod()
    {
        // Given the basic variant whose pods must stay terminating for 3 s
        var parameters = Parameters(StatefulSetVariant.Basic) with { TerminationDelaySeconds = 3 };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then a preStop hook waits 3 s and the grace period leaves it room to finish
        yaml.List("spec.template.spec.containers[0].lifecycle.preStop.exec.command").ShouldBe(["sh", "-c", "sleep 3"]);
        int.Parse(yaml.Value("spec.template.spec.terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(3);
        yaml.Scalar("spec.template.spec.terminationGracePeriodSeconds").Style.ShouldBe(ScalarStyle.Plain);
    }

    [Test]
    public void Render_WithoutATerminationDelay_KeepsTheTemplatesQuickTermination()
    {
        // Given the basic variant without a termination delay
        var parameters = Parameters(StatefulSetVariant.Basic);

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then there is no preStop hook and the 1 s grace period of the template stays
        yaml.Find("spec.template.spec.containers[0].lifecycle").ShouldBeNull();
        yaml.Value("spec.template.spec.terminationGracePeriodSeconds").ShouldBe("1");
    }

    [Test]
    public void Render_ValueThatLooksLikeANumber_StaysAQuotedString()
    {
        // Given a label value YAML would otherwise read as an integer
        var parameters = Parameters(StatefulSetVariant.Basic) with
        {
            Labels = new Dictionary<string, string> { ["conformancekit.io/session"] = "0042" },
        };

        // When rendered
        var yaml = new RenderedYaml(Renderer.Render(parameters));

        // Then the value is double-quoted, so the API server receives a string
        yaml.Text.ShouldContain("\"0042\"");
        yaml.Map("metadata.labels")["conformancekit.io/session"].ShouldBe("0042");
    }
}
