using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

/// <summary>The user's workload settings: the manifest files, the set's name and the image map.</summary>
public sealed class WorkloadOptionsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void Read_WorkloadVariables_GiveFilesNameAndImageMap_InOrder()
    {
        // Given the three CK_* variables run-tests.sh sets, the lists comma separated with spaces and an empty entry
        var environment = new Dictionary<string, string?>
        {
            ["CK_WORKLOAD_MANIFEST"] = "/tmp/a/service.yaml, /tmp/a/sts.yaml,,",
            ["CK_WORKLOAD_NAME"] = " redis-cluster ",
            ["CK_WORKLOAD_IMAGE_MAP"] = "redis:6.2=registry.local/redis:6.2,nginx=registry.local/nginx",
        };

        // When read
        var options = ConformanceOptions.Read(_ => null, environment);

        // Then each list keeps its order without blanks, the name is trimmed
        options.WorkloadManifests.ShouldBe(["/tmp/a/service.yaml", "/tmp/a/sts.yaml"]);
        options.WorkloadName.ShouldBe("redis-cluster");
        options.WorkloadImageMap.ShouldBe(["redis:6.2=registry.local/redis:6.2", "nginx=registry.local/nginx"]);
    }

    [Test]
    public void Read_WorkloadParameters_WinOverTheEnvironment_AndNamesMapToTheirVariables()
    {
        // Given the TestRunParameters and different environment values
        var parameters = new Dictionary<string, string> { ["WorkloadManifest"] = "/p/sts.yaml", ["WorkloadName"] = "web", ["WorkloadImageMap"] = "a=b" };
        var environment = new Dictionary<string, string?>
        {
            ["CK_WORKLOAD_MANIFEST"] = "/e/sts.yaml", ["CK_WORKLOAD_NAME"] = "db", ["CK_WORKLOAD_IMAGE_MAP"] = "c=d",
        };

        // When read
        var options = ConformanceOptions.Read(parameters.GetValueOrDefault, environment);

        // Then the parameters win, and the variables are the ones packaging and run-tests.sh rely on
        (options.WorkloadManifests.Single(), options.WorkloadName, options.WorkloadImageMap.Single()).ShouldBe(("/p/sts.yaml", "web", "a=b"));
        ConformanceOptions.EnvironmentVariableFor("WorkloadManifest").ShouldBe("CK_WORKLOAD_MANIFEST");
        ConformanceOptions.EnvironmentVariableFor("WorkloadName").ShouldBe("CK_WORKLOAD_NAME");
        ConformanceOptions.EnvironmentVariableFor("WorkloadImageMap").ShouldBe("CK_WORKLOAD_IMAGE_MAP");
    }

    [Test]
    public void Read_NoWorkloadSetting_MeansNoWorkload()
    {
        // Given / When nothing is set
        var options = ConformanceOptions.Read(_ => null, NoEnvironment);

        // Then no files, no name, no substitutions
        options.WorkloadManifests.ShouldBeEmpty();
        options.WorkloadName.ShouldBeNull();
        options.WorkloadImageMap.ShouldBeEmpty();
    }
}
