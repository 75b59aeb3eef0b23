using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Tests.Manifests;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

public sealed class ClaimRetentionManifestTests
{
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());

    private static StatefulSetParameters Parameters(ClaimRetentionPolicy? retention) => new()
    {
        Name = "web", Namespace = "ck-1", Image = "nginx:1.27.3", Variant = StatefulSetVariant.WithStorage, StorageClassName = "fast-ssd", ClaimRetention = retention,
    };

    [Test]
    public void Render_WithRetentionPolicy_SetsBothFields()
    {
        // Given / When
        var yaml = new RenderedYaml(Renderer.Render(Parameters(new ClaimRetentionPolicy("Delete", "Retain"))));

        // Then
        yaml.Map("spec.persistentVolumeClaimRetentionPolicy").ShouldBe(new Dictionary<string, string> { ["whenScaled"] = "Delete", ["whenDeleted"] = "Retain" }, ignoreOrder: true);
        yaml.Value("spec.volumeClaimTemplates[0].spec.storageClassName").ShouldBe("fast-ssd");
    }

    [Test]
    public void Render_WithoutRetentionPolicy_LeavesTheFieldToTheServer()
    {
        // Given / When / Then
        new RenderedYaml(Renderer.Render(Parameters(null))).Find("spec.persistentVolumeClaimRetentionPolicy").ShouldBeNull();
    }
}
