using ConformanceKit.Scenarios.Manifests;
using Shouldly;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConformanceKit.Scenarios.Tests.Manifests;

public sealed class UpdateManifestTests
{
    private static readonly ManifestRenderer Renderer = new(RenderedYaml.RepositoryTemplates());

    private static StatefulSetParameters Set(StatefulSetVariant variant = StatefulSetVariant.Updatable) => new()
    {
        Name = "web",
        Namespace = "ck-upd",
        Image = "local/web:ck",
        Variant = variant,
        Labels = new Dictionary<string, string> { ["conformancekit.io/session"] = "s-1" },
    };

    [Test]
    public void Render_Updatable_CarriesRevisionV1AndTheDefaultRollingUpdate()
    {
        // Given / When
        var yaml = new RenderedYaml(Renderer.Render(Set()));

        // Then
        yaml.Value("spec.template.spec.containers[0].env[0].name").ShouldBe("REVISION");
        yaml.Value("spec.template.spec.containers[0].env[0].value").ShouldBe("v1");
        yaml.Value("spec.updateStrategy.type").ShouldBe("RollingUpdate");
        yaml.Value("spec.updateStrategy.rollingUpdate.partition").ShouldBe("0");
    }

    [TestCase(StatefulSetVariant.Basic)]
    [TestCase(StatefulSetVariant.HeldReadiness)]
    [TestCase(StatefulSetVariant.WithStorage)]
    [TestCase(StatefulSetVariant.Updatable)]
    public void Render_AnotherRevision_ChangesOnlyTheTemplate(StatefulSetVariant variant)
    {
        // Given the same set at REVISION v1 and v2
        var v1 = Flatten(Renderer.Render(Set(variant)));
        var v2 = Flatten(Renderer.Render(Set(variant) with { Revision = "v2" }));

        // When the two are compared field by field
        var changed = v1.Keys.Union(v2.Keys).Where(k => v1.GetValueOrDefault(k) != v2.GetValueOrDefault(k)).ToList();

        // Then only the REVISION value under spec.template differs (v1.26 refuses updates of other spec fields)
        changed.ShouldBe(["spec.template.spec.containers[0].env[0].value"]);
        v2[changed[0]].ShouldBe("v2");
    }

    [Test]
    public void Render_AnotherPartition_ChangesOnlyTheUpdateStrategy()
    {
        // Given partition 2 and then partition 0
        var two = Flatten(Renderer.Render(Set() with { UpdateStrategy = UpdateStrategyParameters.RollingUpdate(partition: 2) }));
        var zero = Flatten(Renderer.Render(Set() with { UpdateStrategy = UpdateStrategyParameters.RollingUpdate(partition: 0) }));

        // When / Then
        two.Keys.Union(zero.Keys).Where(k => two.GetValueOrDefault(k) != zero.GetValueOrDefault(k))
            .ShouldBe(["spec.updateStrategy.rollingUpdate.partition"]);
        two["spec.updateStrategy.rollingUpdate.partition"].ShouldBe("2");
    }

    [Test]
    public void Render_MaxUnavailable_IsAPlainInteger()
    {
        // Given / When
        var yaml = new RenderedYaml(Renderer.Render(Set() with { UpdateStrategy = UpdateStrategyParameters.RollingUpdate(maxUnavailable: 2) }));

        // Then the template's partition is replaced and maxUnavailable is an int, not the string "2"
        yaml.Value("spec.updateStrategy.rollingUpdate.maxUnavailable").ShouldBe("2");
        yaml.Scalar("spec.updateStrategy.rollingUpdate.maxUnavailable").Style.ShouldBe(ScalarStyle.Plain);
        yaml.Find("spec.updateStrategy.rollingUpdate.partition").ShouldBeNull();
    }

    [Test]
    public void Render_OnDelete_HasNoRollingUpdateSection()
    {
        // Given the held template (no strategy of its own) and the updatable one (RollingUpdate with a partition)
        foreach (var variant in new[] { StatefulSetVariant.HeldReadiness, StatefulSetVariant.Updatable })
        {
            // When rendered with OnDelete
            var yaml = new RenderedYaml(Renderer.Render(Set(variant) with { UpdateStrategy = UpdateStrategyParameters.OnDelete }));

            // Then the API would accept it: OnDelete without rollingUpdate
            yaml.Value("spec.updateStrategy.type").ShouldBe("OnDelete");
            yaml.Find("spec.updateStrategy.rollingUpdate").ShouldBeNull();
        }
    }

    [Test]
    public void Render_OnDeleteWithAPartition_IsRefused()
    {
        // Given / When / Then
        Should.Throw<ArgumentException>(() => Renderer.Render(Set() with { UpdateStrategy = UpdateStrategyParameters.OnDelete with { Partition = 1 } }))
            .Message.ShouldContain("OnDelete update strategy takes no partition");
    }

    [Test]
    public void Render_NoStrategyChosen_LeavesTheHeldTemplateWithoutOne()
    {
        // Given / When
        var yaml = new RenderedYaml(Renderer.Render(Set(StatefulSetVariant.HeldReadiness)));

        // Then the server's default applies
        yaml.Find("spec.updateStrategy").ShouldBeNull();
    }

    private static Dictionary<string, string> Flatten(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(stream.Documents[0].RootNode, "", values);
        return values;
    }

    private static void Walk(YamlNode node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, child) in map.Children)
                {
                    Walk(child, path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}", values);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], $"{path}[{i}]", values);
                }

                break;
            case YamlScalarNode scalar:
                values[path] = scalar.Value ?? "";
                break;
        }
    }
}
