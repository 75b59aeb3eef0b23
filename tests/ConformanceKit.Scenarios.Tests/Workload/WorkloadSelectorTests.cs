using ConformanceKit.Scenarios.Workload;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Workload;

public sealed class WorkloadSelectorTests
{
    [Test]
    public void Select_OneSetAndItsHeadlessService_PicksBoth()
    {
        // Given
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet()));

        // When
        var workload = WorkloadSelector.Select(documents);

        // Then
        workload.Name.ShouldBe("db");
        workload.ServiceDocument.Subject.ShouldBe("Service/db");
        workload.Documents.Count.ShouldBe(2);
    }

    [Test]
    public void Select_TwoSetsWithoutName_ListsThemAndAsksForWorkloadName()
    {
        // Given
        var documents = ManifestLoader.Load("two.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet("db"), WorkloadYaml.StatefulSet("replica")));

        // When
        var error = Should.Throw<WorkloadInputException>(() => WorkloadSelector.Select(documents));

        // Then
        error.Message.ShouldStartWith("two.yaml: 2 StatefulSets (db in two.yaml document 2 (line ");
        error.Message.ShouldContain("replica in two.yaml document 3");
        error.Message.ShouldEndWith("choose the one to test with --workload-name NAME");

        // And the control: naming one picks it
        WorkloadSelector.Select(documents, "replica").Name.ShouldBe("replica");
    }

    [Test]
    public void Select_WorkloadNameMatchingNone_ListsTheSetsThere()
    {
        // Given
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet()));

        // When / Then
        Should.Throw<WorkloadInputException>(() => WorkloadSelector.Select(documents, "web"))
            .Message.ShouldBe("--workload-name web: no StatefulSet of that name in db.yaml (there: db); pass one of those");
    }

    [Test]
    public void Select_NoStatefulSet_SaysSo()
    {
        // Given only the Service
        var documents = ManifestLoader.Load("svc.yaml", WorkloadYaml.HeadlessService);

        // When / Then
        Should.Throw<WorkloadInputException>(() => WorkloadSelector.Select(documents))
            .Message.ShouldStartWith("svc.yaml: no StatefulSet in the files; pass the file that holds it");
    }

    [Test]
    public void Select_ServiceNameWithNoServiceInTheFiles_NamesTheMissingService()
    {
        // Given a set whose serviceName is cache, and only a Service db
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(WorkloadYaml.HeadlessService, WorkloadYaml.StatefulSet(service: "cache")));

        // When
        var error = Should.Throw<WorkloadInputException>(() => WorkloadSelector.Select(documents));

        // Then
        error.Message.ShouldStartWith("db.yaml document 2 (line 12) StatefulSet/db: spec.serviceName is cache, but no Service named cache is in db.yaml");
    }

    [TestCase("clusterIP: None", null)]
    [TestCase("clusterIP: 10.96.0.20", "clusterIP 10.96.0.20")]
    [TestCase("type: ClusterIP", "no clusterIP, so it gets a virtual IP")]
    public void Select_ServiceThatIsNotHeadless_IsRefused(string clusterIpLine, string? expected)
    {
        // Given the Service with the given clusterIP
        var service = WorkloadYaml.HeadlessService.Replace("clusterIP: None", clusterIpLine, StringComparison.Ordinal);
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.Join(service, WorkloadYaml.StatefulSet()));

        // When
        var select = () => WorkloadSelector.Select(documents);

        // Then only clusterIP: None is accepted
        if (expected is null)
        {
            select().Service.Spec.ClusterIP.ShouldBe("None");
        }
        else
        {
            Should.Throw<WorkloadInputException>(select).Message
                .ShouldBe($"db.yaml document 1 (line 1) Service/db: the StatefulSet db's Service is not headless ({expected}), so its pods get no per-pod DNS names; set spec.clusterIP: None");
        }
    }

    [Test]
    public void Select_SetWithoutServiceName_AsksForIt()
    {
        // Given
        var documents = ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet().Replace("  serviceName: db\n", "", StringComparison.Ordinal));

        // When / Then
        Should.Throw<WorkloadInputException>(() => WorkloadSelector.Select(documents)).Message.ShouldContain("StatefulSet/db: has no spec.serviceName;");
    }
}
