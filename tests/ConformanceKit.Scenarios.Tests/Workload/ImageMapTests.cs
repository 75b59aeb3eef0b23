using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class ImageMapTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "s1" };

    [TestCase("redis:6.2", "redis:6.2=registry.local/redis:6.2", "registry.local/redis:6.2")]
    [TestCase("redis:6.2", "redis=registry.local/mirror/redis", "registry.local/mirror/redis:6.2")]
    [TestCase("redis@sha256:abc", "redis=registry.local/redis", "registry.local/redis@sha256:abc")]
    [TestCase("registry:5000/redis:6.2", "registry:5000/redis=local/redis:7", "local/redis:7")]
    [TestCase("redis:6.2", "redis:7=registry.local/redis:7", null)]
    [TestCase("redis-exporter:1", "redis=registry.local/redis", null)]
    public void Map_Entry_SubstitutesOnlyWhatMatches(string image, string entry, string? expected)
    {
        // Given
        var map = ImageMap.Parse([entry]);

        // When
        var mapped = map.Map(image);

        // Then
        mapped?.Image.ShouldBe(expected);
        (mapped is null).ShouldBe(expected is null);
    }

    [TestCase("redis")]
    [TestCase("=registry.local/redis")]
    [TestCase("redis=")]
    [TestCase("a=b=c")]
    public void Parse_MalformedEntry_FailsWithAnExample(string value)
    {
        // When / Then
        Should.Throw<WorkloadInputException>(() => ImageMap.Parse([value])).Message
            .ShouldBe($"--workload-image-map {value}: expected FROM=TO (two image references, no spaces), e.g. redis:6.2=registry.local/redis:6.2");
    }

    [Test]
    public void Rewrite_ImageMap_ChangesTheContainerImageAndListsIt()
    {
        // Given a set on postgres:16 with an init container on busybox
        var init = "initContainers:\n- name: init\n  image: busybox:1.36\n  command: [true]";
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet(extraContainer: "").Replace("      containers:", $"      {init.Replace("\n", "\n      ", StringComparison.Ordinal)}\n      containers:", StringComparison.Ordinal));

        // When
        var rewritten = NamespaceRewrite.Apply(documents, "ck-1", Labels, ImageMap.Parse(["postgres:16=registry.local/postgres:16", "busybox=registry.local/busybox"]));

        // Then both images are substituted and listed with the entry that did it
        var spec = rewritten.Documents[0].As<V1StatefulSet>()!.Spec.Template.Spec;
        spec.Containers[0].Image.ShouldBe("registry.local/postgres:16");
        spec.InitContainers[0].Image.ShouldBe("registry.local/busybox:1.36");
        rewritten.Changes.Select(c => c.ToString()).ShouldContain(
            "db.yaml document 1 (line 1) StatefulSet/db: spec.template.spec.containers[main].image (--workload-image-map postgres:16=registry.local/postgres:16) postgres:16 → registry.local/postgres:16");
    }

    [Test]
    public void Rewrite_ImageMapEntryMatchingNoContainer_IsRefusedListingTheImages()
    {
        // Given
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet());

        // When
        var error = Should.Throw<WorkloadInputException>(() => NamespaceRewrite.Apply(documents, "ck-1", Labels, ImageMap.Parse(["postgres:15=local/postgres:15"])));

        // Then
        error.Message.ShouldBe("--workload-image-map postgres:15=local/postgres:15: no container in the files uses that image (they use: postgres:16); correct the part before '='");
    }
}
