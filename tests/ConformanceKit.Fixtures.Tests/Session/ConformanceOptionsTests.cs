using ConformanceKit.Fixtures.K3s;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Session;

public sealed class ConformanceOptionsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void Read_NothingSet_GivesTheDocumentedDefaults()
    {
        // Given no parameters and no environment, When read
        var options = ConformanceOptions.Read(_ => null, NoEnvironment);

        // Then every value is the default
        options.ShouldBe(ConformanceOptions.Default);
        options.Cluster.ShouldBe(ClusterKind.K3s);
        options.K3sImage.ShouldBe(K3sOptions.Default.Image);
        options.K3sImage.ShouldMatch(@"^rancher/k3s:v1\.\d+\.\d+-k3s\d+$");
    }

    [Test]
    public void Read_TestRunParameters_MapEverySetting()
    {
        // Given a TestRunParameter for every setting
        var parameters = new Dictionary<string, string>
        {
            ["Cluster"] = "kubeconfig", ["K3sImage"] = "rancher/k3s:v1.30.8-k3s1", ["K3sImageArchive"] = "/tmp/k3s.tar",
            ["LoadImages"] = "app:1, tools:2", ["K3sAirgapImages"] = "/a/k3s-airgap-images.tar.zst,/b/extra.tar", ["Kubeconfig"] = "/tmp/kc", ["Context"] = "dev", ["StorageClass"] = "fast",
            ["BusyboxImage"] = "bb:1", ["ClusterDomain"] = "K8s.Example.Corp.", ["WorkloadImage"] = "web:2", ["KeepCluster"] = "true", ["KeepNamespaces"] = "1",
            ["KeepFailed"] = "yes", ["TestTimeout"] = "90",
        };

        // When read
        var options = ConformanceOptions.Read(parameters.GetValueOrDefault, NoEnvironment);

        // Then each lands in its property
        options.ShouldBe(new ConformanceOptions
        {
            Cluster = ClusterKind.Kubeconfig, K3sImage = "rancher/k3s:v1.30.8-k3s1", K3sImageArchive = "/tmp/k3s.tar",
            LoadImages = options.LoadImages, K3sAirgapImages = options.K3sAirgapImages, Kubeconfig = "/tmp/kc", Context = "dev", StorageClasses = options.StorageClasses,
            BusyboxImage = "bb:1", ClusterDomain = "k8s.example.corp", WorkloadImage = "web:2", KeepCluster = true, KeepNamespaces = true, KeepFailed = true,
            TestTimeout = TimeSpan.FromSeconds(90),
        });
        options.StorageClasses.ShouldBe(["fast"]);
        options.LoadImages.ShouldBe(["app:1", "tools:2"]);
        options.K3sAirgapImages.ShouldBe(["/a/k3s-airgap-images.tar.zst", "/b/extra.tar"]);
    }

    [Test]
    public void Read_Environment_IsUsedWhenNoParameter_AndParametersWin()
    {
        // Given the environment sets two values and a parameter overrides one
        var environment = new Dictionary<string, string?> { ["CK_STORAGE_CLASS"] = "env-class", ["CK_KEEP_FAILED"] = "true" };
        var parameters = new Dictionary<string, string> { ["StorageClass"] = "param-class" };

        // When read
        var options = ConformanceOptions.Read(parameters.GetValueOrDefault, environment);

        // Then the parameter wins and the other comes from the environment
        options.StorageClass.ShouldBe("param-class");
        options.KeepFailed.ShouldBeTrue();
        ConformanceOptions.EnvironmentVariableFor("K3sImageArchive").ShouldBe("CK_K3S_IMAGE_ARCHIVE");
    }

    [Test]
    public void Read_KubeconfigWithoutCluster_TargetsTheExistingCluster()
    {
        // Given only a kubeconfig, When read, Then the target is that cluster (and k3s without one)
        ConformanceOptions.Read(n => n == "Kubeconfig" ? "/tmp/kc" : null, NoEnvironment).Cluster.ShouldBe(ClusterKind.Kubeconfig);
        ConformanceOptions.Read(_ => null, NoEnvironment).Cluster.ShouldBe(ClusterKind.K3s);
    }

    [TestCase("KeepCluster", "perhaps", "true or false")]
    [TestCase("Cluster", "minikube", "k3s or kubeconfig")]
    [TestCase("TestTimeout", "soon", "seconds")]
    [TestCase("ClusterDomain", "cluster_local", "a DNS domain such as cluster.local")]
    [TestCase("PodSecurityLevel", "strict", "privileged, baseline or restricted")]
    public void Read_MalformedValue_NamesSettingVariableAndValue(string name, string value, string expected)
    {
        // Given a malformed value, When read, Then the message names the setting, its variable, the value and what is expected
        var error = Should.Throw<ArgumentException>(() => ConformanceOptions.Read(n => n == name ? value : null, NoEnvironment));
        error.Message.ShouldContain(name);
        error.Message.ShouldContain(ConformanceOptions.EnvironmentVariableFor(name));
        error.Message.ShouldContain($"'{value}'");
        error.Message.ShouldContain(expected);
    }

    [Test]
    public void NamespaceName_IsPrefixedSluggedBoundedAndRandom()
    {
        // Given a long test name with odd characters, When two names are made
        var first = TestNamespaces.NameFor("Scale_Down(\"Three\") " + new string('x', 100));
        var second = TestNamespaces.NameFor("Scale_Down(\"Three\") " + new string('x', 100));

        // Then both are valid DNS labels starting ck-scale-down-three, and differ
        first.ShouldStartWith("ck-scale-down-three-");
        first.Length.ShouldBeLessThanOrEqualTo(63);
        first.ShouldMatch("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        second.ShouldNotBe(first);
    }
}
