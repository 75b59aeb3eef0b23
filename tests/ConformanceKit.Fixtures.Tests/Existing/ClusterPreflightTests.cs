using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Fixtures.Tests.Existing;

public sealed class ClusterPreflightTests
{
    private static readonly KubeConnection Connection = new(new KubernetesClientConfiguration { Host = "https://10.1.2.3:6443" }, "kubeconfig /tmp/kc, context dev");

    [Test]
    public async Task FindMissing_DeniedReviews_AreListedInTheMessage()
    {
        // Given a user allowed everything except pod exec and listing PVs
        Task<bool> Allowed(V1ResourceAttributes a, CancellationToken _) =>
            Task.FromResult(!(a.Subresource == "exec" || (a.Resource == "persistentvolumes" && a.Verb == "list")));

        // When the required permissions are reviewed
        var missing = await ClusterPreflight.FindMissingAsync(Allowed, CancellationToken.None);
        var message = ClusterPreflight.MissingPermissionsMessage(Connection, missing);

        // Then exactly those are missing (exec over WebSocket is a GET, newer servers also check create), and the message names them and the connection
        missing.Select(m => m.ToString()).ShouldBe(["get pods/exec (in the run's namespaces)", "create pods/exec (in the run's namespaces)", "list persistentvolumes"]);
        message.ShouldContain("create pods/exec");
        message.ShouldContain("list persistentvolumes");
        message.ShouldContain("context dev");
        message.ShouldNotContain("create namespaces");
    }

    [Test]
    public async Task FindMissing_AllAllowed_FindsNothing_AndAsksAboutWhatTheSuiteNeeds()
    {
        // Given a user allowed everything
        var asked = new List<V1ResourceAttributes>();
        Task<bool> Allowed(V1ResourceAttributes a, CancellationToken _)
        {
            lock (asked)
            {
                asked.Add(a);
            }

            return Task.FromResult(true);
        }

        // When reviewed
        var missing = await ClusterPreflight.FindMissingAsync(Allowed, CancellationToken.None);

        // Then nothing is missing, namespaced rights were asked in a ck- namespace, cluster ones cluster-wide
        missing.ShouldBeEmpty();
        asked.ShouldContain(a => a.Resource == "namespaces" && a.Verb == "delete" && a.NamespaceProperty == null);
        asked.ShouldContain(a => a.Resource == "statefulsets" && a.Group == "apps" && a.NamespaceProperty == "ck-preflight");
        asked.ShouldContain(a => a.Resource == "pods" && a.Subresource == "log" && a.Verb == "get");
        asked.ShouldContain(a => a.Resource == "storageclasses" && a.Group == "storage.k8s.io" && a.Verb == "list");
        asked.ShouldContain(a => a.Resource == "events" && a.Verb == "list");
    }

    [Test]
    public async Task FindMissing_AsksForWhatApplyScaleExecAndKeepingReallyUse()
    {
        // Given a user allowed only what the old list asked: no patch (apply), no pod create, no exec get, no scale
        string[] oldOnly = ["patch services", "create pods", "patch pods", "deletecollection pods", "get pods/exec", "patch statefulsets/scale",
            "create deployments", "patch deployments", "watch events", "create storageclasses", "patch storageclasses", "delete storageclasses", "patch namespaces"];
        Task<bool> Allowed(V1ResourceAttributes a, CancellationToken _) =>
            Task.FromResult(!oldOnly.Contains($"{a.Verb} {a.Resource}{(a.Subresource is null ? "" : "/" + a.Subresource)}"));

        // When reviewed
        var missing = await ClusterPreflight.FindMissingAsync(Allowed, CancellationToken.None);

        // Then each request the suite makes and the user may not is reported, with group and namespace exactly right
        missing.Select(m => $"{m.Verb} {m.Resource}{(m.Subresource is null ? "" : "/" + m.Subresource)}").ShouldBe(oldOnly, ignoreOrder: true);
        missing.ShouldContain(m => m.Resource == "statefulsets" && m.Subresource == "scale" && m.Group == "apps" && m.ToAttributes().NamespaceProperty == RequiredPermission.ProbeNamespace);
        missing.ShouldContain(m => m.Resource == "storageclasses" && m.Group == "storage.k8s.io" && m.ToAttributes().NamespaceProperty == null);
        missing.ShouldContain(m => m.Resource == "pods" && m.Subresource == "exec" && m.Verb == "get" && m.Group == "");
    }

    [Test]
    public async Task FindMissing_NegativeControl_UserAllowedEverythingMissesNothing()
    {
        // Given a user allowed every review, When reviewed, Then nothing is missing
        var missing = await ClusterPreflight.FindMissingAsync((_, _) => Task.FromResult(true), CancellationToken.None);
        missing.ShouldBeEmpty();
    }

    [Test]
    public void ChooseStorageClass_NamedOrDefault_OrListsWhatExists()
    {
        // Given a cluster with a default class and another
        V1StorageClass[] classes =
        [
            new() { Metadata = new() { Name = "slow" } },
            new() { Metadata = new() { Name = "local-path", Annotations = new Dictionary<string, string> { ["storageclass.kubernetes.io/is-default-class"] = "true" } } },
        ];

        // When choosing, Then the named one, else the default; a missing name lists the existing ones
        ClusterPreflight.ChooseStorageClass(classes, "slow").ShouldBe("slow");
        ClusterPreflight.ChooseStorageClass(classes, null).ShouldBe("local-path");
        Should.Throw<ClusterStartException>(() => ClusterPreflight.ChooseStorageClass(classes, "fast"))
            .Message.ShouldBe("StorageClass 'fast' does not exist; the cluster has: slow, local-path (default). Pass one of them with --storage-class.");
        Should.Throw<ClusterStartException>(() => ClusterPreflight.ChooseStorageClass([classes[0]], null))
            .Message.ShouldContain("no default StorageClass (it has: slow)");
    }

    [Test]
    public void RetainWarning_OnlyForAClassThatKeepsItsVolumes()
    {
        // Given a Retain class and a Delete class
        V1StorageClass[] classes =
        [
            new() { Metadata = new() { Name = "keeps" }, ReclaimPolicy = "Retain" },
            new() { Metadata = new() { Name = "cleans" }, ReclaimPolicy = "Delete" },
        ];

        // When / Then the warning names the Retain class and what to do; the Delete class gets none
        ClusterPreflight.RetainWarning(classes, "keeps").ShouldNotBeNull().ShouldContain("StorageClass 'keeps' has reclaimPolicy Retain");
        ClusterPreflight.RetainWarning(classes, "cleans").ShouldBeNull();
    }

    [TestCase("1", "26", true)]
    [TestCase("1", "27+", true)]
    [TestCase("1", "25", false)]
    public void ServerCapabilities_MinimumIs126(string major, string minor, bool supported)
    {
        // Given a /version answer, When read, Then only v1.26+ is supported
        var capabilities = ServerCapabilities.From(new VersionInfo { Major = major, Minor = minor, GitVersion = $"v{major}.{minor.TrimEnd('+')}.0" });
        capabilities.Supports(1, 26).ShouldBe(supported);
        if (supported)
        {
            Should.NotThrow(capabilities.EnsureSupported);
        }
        else
        {
            Should.Throw<NotSupportedException>(capabilities.EnsureSupported).Message.ShouldContain("v1.25.0; the suite needs Kubernetes v1.26");
        }
    }
}
