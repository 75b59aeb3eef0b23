using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Workload;
using ConformanceKit.Scenarios.Tests.Workload;
using k8s;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Manifests;

public sealed class ImageFlagTests
{
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());
    private static readonly Dictionary<string, string> Session = new() { ["conformancekit.io/session"] = "s-42" };

    [Test]
    public void RenderedProbePod_NamesBusyboxImage()
    {
        // Given the busybox DNS probe pod as rendered
        var pod = KubernetesYaml.Deserialize<V1Pod>(Renderer.Render(new PodParameters { Name = "ck-dns-probe", Namespace = "ck-1", Image = "bb:1", Labels = Session }));

        // When its image's flag is asked / Then it is --busybox-image
        ImageFlag.Of(pod).ShouldBe("--busybox-image");
    }

    [Test]
    public void PodsOfTheRenderedNamingControlDeployment_NameBusyboxImage()
    {
        // Given the Deployment of the naming control as rendered, its pods made from its template
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(Renderer.Render(new DeploymentParameters { Name = "plain", Namespace = "ck-1", Image = "bb:1", Labels = Session }));

        // When its pods' flag is asked / Then it is --busybox-image
        ImageFlag.Of(new V1Pod { Metadata = deployment.Spec.Template.Metadata }).ShouldBe("--busybox-image");
    }

    [TestCase(StatefulSetVariant.Basic)]
    [TestCase(StatefulSetVariant.WithStorage)]
    [TestCase(StatefulSetVariant.RestartableStorage)]
    [TestCase(StatefulSetVariant.HeldReadiness)]
    [TestCase(StatefulSetVariant.Updatable)]
    public void PodsOfTheSuitesRenderedStatefulSets_NameWorkloadImage(StatefulSetVariant variant)
    {
        // Given each of the suite's StatefulSets as rendered
        var set = KubernetesYaml.Deserialize<V1StatefulSet>(Renderer.Render(new StatefulSetParameters { Name = "web", Namespace = "ck-1", Image = "web:1", Labels = Session, Variant = variant }));

        // When its pods' flag is asked / Then it is --workload-image
        ImageFlag.Of(new V1Pod { Metadata = set.Spec.Template.Metadata }).ShouldBe("--workload-image");
    }

    [Test]
    public void PodsOfTheUsersWorkloadAsRewritten_NameWorkloadImageMap()
    {
        // Given a seed example rewritten for a namespace with the session's labels and its image mapped, as ./run-tests.sh workload applies it
        var plan = WorkloadPlan.Prepare([RepositoryFiles.Path("manifests", "examples", "sfs-test01.yaml")], null, ["nginx=registry.local/nginx"], Session);
        var set = plan.RewriteFor("ck-workload-1", Session).StatefulSet(plan.Workload.Name);

        // When its pods' flag is asked
        var flag = ImageFlag.Of(new V1Pod { Metadata = set.Spec.Template.Metadata });

        // Then it is --workload-image-map (the rewrite stamps nothing on the pods)
        flag.ShouldBe("--workload-image-map");
    }
}
