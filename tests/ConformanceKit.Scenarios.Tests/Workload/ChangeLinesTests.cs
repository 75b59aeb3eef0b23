using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class ChangeLinesTests
{
    [Test]
    public void Of_TheChangesOfTwoDocuments_GivesOneLinePerDocument_WithTheAddedLabelsOnOneEntry()
    {
        // Given the changes a rewrite makes: namespaces, added session labels, an image and a label it overwrote
        WorkloadChange[] changes =
        [
            new("a.yaml document 1 (line 1) Service/db", "metadata.namespace", null, "ns1"),
            new("a.yaml document 1 (line 1) Service/db", "metadata.labels[conformancekit.io/session]", null, "s1"),
            new("a.yaml document 1 (line 1) Service/db", "metadata.labels[conformancekit.io/host]", null, "h1"),
            new("a.yaml document 2 (line 9) StatefulSet/db", "metadata.namespace", "prod", "ns1"),
            new("a.yaml document 2 (line 9) StatefulSet/db", "metadata.labels[conformancekit.io/session]", "old", "s1"),
            new("a.yaml document 2 (line 9) StatefulSet/db", "spec.template.spec.containers[db].image", "pg:16", "mirror/pg:16"),
        ];

        // When
        var lines = ChangeLines.Of(changes);

        // Then one line each, added labels merged, and a label whose value was replaced shown with its old value
        lines.ShouldBe(
        [
            "a.yaml document 1 (line 1) Service/db: metadata.namespace (not set) → ns1; metadata.labels += conformancekit.io/session=s1, conformancekit.io/host=h1",
            "a.yaml document 2 (line 9) StatefulSet/db: metadata.namespace prod → ns1; metadata.labels[conformancekit.io/session] old → s1; spec.template.spec.containers[db].image pg:16 → mirror/pg:16",
        ]);
    }

    [Test]
    public void Of_TheSeedExample_KeepsEveryChangeOfTheRewrite()
    {
        // Given the sfs-test01 example rewritten with two labels
        var plan = WorkloadPlan.Prepare([RepositoryFiles.Path("manifests", "examples", "sfs-test01.yaml")], null, [],
            new Dictionary<string, string> { ["conformancekit.io/session"] = "s1", ["conformancekit.io/host"] = "h1" });

        // When
        var lines = ChangeLines.Of(plan.Preview.Changes);

        // Then each of its two documents has one line, and every change is in it
        lines.Count.ShouldBe(2);
        foreach (var change in plan.Preview.Changes)
        {
            lines.ShouldContain(l => l.StartsWith(change.Document + ": ", StringComparison.Ordinal) && l.Contains(change.New, StringComparison.Ordinal));
        }
    }
}
