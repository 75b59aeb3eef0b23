using ConformanceKit.Scenarios.Workload;
using NUnit.Framework;

namespace MyStatefulSet.Tests;

/// <summary>My manifest, judged without a cluster: what will be checked, and what will be changed in it.</summary>
public sealed class MyManifestTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["conformancekit.io/session"] = "offline" };

    [Test]
    public void MyManifest_CanShowOrderingDnsAndPerPodStorage_AndOnlyItsNamespaceAndLabelsChange()
    {
        // When my manifest is prepared the way WorkloadUnderTest applies it
        var plan = WorkloadPlan.Prepare([ManifestFile.Path], null, [], Labels);

        // Then the set and its headless Service are found, the three promises can be checked, and nothing else changes
        Assert.That(plan.Workload.Name, Is.EqualTo("my-web"));
        Assert.That(plan.Workload.Service.Metadata.Name, Is.EqualTo("my-web"));
        foreach (var promise in new[] { WorkloadPromises.OrderedCreation, WorkloadPromises.StableDns, WorkloadPromises.PerPodStorage })
        {
            Assert.That(Verdict(plan, promise).Outcome, Is.EqualTo(PromiseOutcome.Check), Verdict(plan, promise).ToString());
        }

        Assert.That(plan.Preview.Changes.Select(c => c.Field).Distinct(), Is.EquivalentTo(new[] { "metadata.namespace", "metadata.labels[conformancekit.io/session]" }));
    }

    [Test]
    public void MyManifest_WithParallelPodManagement_IsAnOrderingViolationBeforeAnythingRuns()
    {
        // Given my manifest with podManagementPolicy Parallel
        var parallel = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"my-statefulset-parallel-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(parallel, File.ReadAllText(ManifestFile.Path).Replace("podManagementPolicy: OrderedReady", "podManagementPolicy: Parallel"));
        try
        {
            // When it is prepared
            var plan = WorkloadPlan.Prepare([parallel], null, [], Labels);

            // Then ordered creation is a violation that names the policy
            var verdict = Verdict(plan, WorkloadPromises.OrderedCreation);
            Assert.That(verdict.Outcome, Is.EqualTo(PromiseOutcome.Violation), verdict.ToString());
            Assert.That(verdict.Reason, Does.Contain("Parallel"));
        }
        finally
        {
            File.Delete(parallel);
        }
    }

    [Test]
    public void MyManifest_WithAnImageMap_ListsTheSubstitution_ForAnAirGappedCluster()
    {
        // When my manifest is prepared with nginx mapped to a registry the cluster can pull from
        var plan = WorkloadPlan.Prepare([ManifestFile.Path], null, ["nginx=registry.local/library/nginx"], Labels);

        // Then the substitution is one of the listed changes, with the tag kept
        Assert.That(plan.Preview.Changes.Select(c => c.ToString()),
            Has.Some.Contains("nginx:1.27.3 → registry.local/library/nginx:1.27.3"));
    }

    private static PromiseVerdict Verdict(WorkloadPlan plan, string promise) => plan.Verdicts.Single(v => v.Promise == promise);
}
