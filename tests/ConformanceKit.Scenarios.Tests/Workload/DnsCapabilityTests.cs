using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class DnsCapabilityTests
{
    private static SelectedWorkload Select(string service) =>
        WorkloadSelector.Select(ManifestLoader.Load("db.yaml", WorkloadYaml.Join(service, WorkloadYaml.StatefulSet())));

    [Test]
    public void Judge_ServiceSelectingThePods_IsChecked()
    {
        // When
        var verdict = DnsCapability.Judge(Select(WorkloadYaml.HeadlessService).StatefulSet, Select(WorkloadYaml.HeadlessService).Service);

        // Then
        verdict.Outcome.ShouldBe(PromiseOutcome.Check);
    }

    [Test]
    public void Judge_SelectorThePodsDoNotCarry_IsAViolationNamingBoth()
    {
        // Given the Service selects app=database while the pods are app=db
        var workload = Select(WorkloadYaml.HeadlessService.Replace("app: db", "app: database", StringComparison.Ordinal));

        // When
        var verdicts = WorkloadCapabilities.Judge(workload);

        // Then
        verdicts.Single(v => v.Promise == WorkloadPromises.StableDns).ShouldBe(PromiseVerdict.Violation(WorkloadPromises.StableDns,
            "Service db selects app=database, which the pods of db (labels app=db) do not carry, so no pod gets its DNS name; make the selector match the pod template's labels"));
    }

    [Test]
    public void Judge_ServiceWithoutSelector_IsAViolation()
    {
        // Given a headless Service without selector
        var workload = Select(WorkloadYaml.HeadlessService.Replace("  selector:\n    app: db\n", "", StringComparison.Ordinal));

        // When / Then
        DnsCapability.Judge(workload.StatefulSet, workload.Service).Reason.ShouldStartWith("Service db has no selector");
    }
}
