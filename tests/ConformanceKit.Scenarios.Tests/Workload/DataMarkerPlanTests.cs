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
}
