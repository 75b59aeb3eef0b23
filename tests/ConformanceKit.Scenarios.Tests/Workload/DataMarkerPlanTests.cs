using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class DataMarkerPlanTests
{
    [Test]
    public void For_ClaimMountedWritable_TargetsItsMountPath()
    {
        // When
        var plan = DataMarkerPlan.For(WorkloadSets.WithData());

        // Then
        plan.Targets.ShouldBe([new MarkerTarget("data", "main", "/var/lib/postgresql/data", "postgres:16")]);
        plan.Targets[0].FilePath("s1").ShouldBe("/var/lib/postgresql/data/.conformancekit-marker-s1");
        plan.Verdict.Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [TestCase("volumeMounts:\n- {name: data, mountPath: /data, readOnly: true}", "data (mounted read-only only)")]
    [TestCase("volumeMounts: []", "data (mounted in no container)")]
    public void For_NoWritableMountOfTheClaim_SkipsToIdentity(string mount, string why)
    {
        // When
        var plan = DataMarkerPlan.For(WorkloadSets.WithData(mount: mount));

        // Then
        plan.Verdict.ShouldBe(PromiseVerdict.Skip(WorkloadPromises.DataMarkers, $"no container mounts a claim writable ({why}): claim and volume identity is checked instead"));
    }

    [Test]
    public void WithShells_ImageWithoutShell_SkipsAndWithOneKeepsTheTarget()
    {
        // Given the writable mount in container main
        var plan = DataMarkerPlan.For(WorkloadSets.WithData());

        // When
        var noShell = plan.WithShells(new HashSet<string>());
        var shell = plan.WithShells(new HashSet<string> { "main" });

        // Then
        noShell.Verdict.Outcome.ShouldBe(PromiseOutcome.Skip);
        noShell.Verdict.Reason.ShouldBe("markers need a shell in the image: data (image postgres:16 of main has no shell); claim and volume identity is checked instead");
        shell.ShouldBe(plan);
    }

    [Test]
    public void WithShells_OnTheSetAsApplied_NamesTheMappedImage_NotTheOneTheFilesWrite()
    {
        // Given a set on postgres:16 with its claim mounted writable, mapped to another image as a scenario applies it
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet(extraContainer: "volumeMounts:\n- {name: data, mountPath: /data}", claims: WorkloadSets.DataClaim));
        var applied = NamespaceRewrite.Apply(documents, "ck-1", new Dictionary<string, string> { ["conformancekit.io/session"] = "s1" },
            ImageMap.Parse(["postgres:16=registry.local/postgres:16-distroless"]));

        // When neither image has a shell: the plan of the set as applied, and (the control) of the set as written
        var asApplied = DataMarkerPlan.For(applied.StatefulSet("db")).WithShells(new HashSet<string>());
        var asWritten = DataMarkerPlan.For(documents.Single().As<k8s.Models.V1StatefulSet>()!).WithShells(new HashSet<string>());

        // Then the skip names the image that ran; the files' image is another
        asApplied.Verdict.Reason.ShouldContain("data (image registry.local/postgres:16-distroless of main has no shell)");
        asWritten.Verdict.Reason.ShouldContain("data (image postgres:16 of main has no shell)");
        Should.Throw<InvalidOperationException>(() => applied.StatefulSet("web")).Message.ShouldContain("no StatefulSet web among the documents applied into ck-1");
    }
}
