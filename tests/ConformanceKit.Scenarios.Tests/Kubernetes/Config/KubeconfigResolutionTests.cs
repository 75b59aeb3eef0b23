using ConformanceKit.Scenarios.Kubernetes;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

public sealed class KubeconfigResolutionTests : TempAndPkiTest
{
    [Test]
    public void Load_KubeconfigList_MergesWithFirstFileWinning()
    {
        // Given two files defining the same cluster name and each its own current-context
        var first = Temp.Write("a", MergeFile("a", "https://first:6443", extraCluster: null));
        var second = Temp.Write("b", MergeFile("b", "https://second:6443", extraCluster: "b-only"));
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{first}:{Temp.Path}/missing:{second}" };

        // When loaded through KUBECONFIG (a missing file in the middle of the list)
        var current = KubeconfigLoader.Load(null, null, env);
        var other = KubeconfigLoader.Load(null, "b", env);
        var reversed = KubeconfigLoader.Load(null, null, new Dictionary<string, string?> { ["KUBECONFIG"] = $"{second}:{first}" });

        // Then current-context comes from the first file, the shared cluster from the first file that defines it
        current.Source.ShouldBe($"kubeconfig $KUBECONFIG ({first}, {second}), context a");
        current.Server.ShouldBe(new Uri("https://first:6443"));
        current.Configuration.AccessToken.ShouldBe("t-a");
        other.Source.ShouldEndWith("context b");
        other.Server.ShouldBe(new Uri("https://first:6443"));
        other.Configuration.AccessToken.ShouldBe("t-b");
        reversed.Source.ShouldEndWith("context b");
        reversed.Server.ShouldBe(new Uri("https://second:6443"));
    }

    [Test]
    public void Load_ExplicitPath_BeatsKubeconfigVariable()
    {
        // Given KUBECONFIG pointing at one file and an explicit path naming another
        var fromVariable = Temp.Write("env", Kubeconfigs.WithToken("https://from-env:6443", "x"));
        var explicitFile = Temp.Write("explicit", Kubeconfigs.WithToken("https://explicit:6443", "y"));
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = fromVariable };

        // When loading with and without the explicit path
        // Then the explicit path wins, and the variable is used otherwise
        KubeconfigLoader.Load(explicitFile, null, env).Server.Host.ShouldBe("explicit");
        KubeconfigLoader.Load(null, null, env).Server.Host.ShouldBe("from-env");
    }

    [Test]
    public void Load_ContextArgument_OverridesCurrentContext()
    {
        // Given a file whose current-context is a, with a second context b on another cluster
        var path = Temp.Write("config", """
            clusters:
            - name: one
              cluster: {server: "https://one:6443"}
            - name: two
              cluster: {server: "https://two:6443"}
            contexts:
            - name: a
              context: {cluster: one}
            - name: b
              context: {cluster: two, namespace: bee}
            current-context: a
            """);

        // When loaded with and without --context b
        var chosen = KubeconfigLoader.Load(path, "b", new Dictionary<string, string?>());
        var byDefault = KubeconfigLoader.Load(path, null, new Dictionary<string, string?>());

        // Then --context picks b, and the default is the current-context
        chosen.Source.ShouldEndWith("context b");
        chosen.Server.Host.ShouldBe("two");
        chosen.Namespace.ShouldBe("bee");
        byDefault.Source.ShouldEndWith("context a");
        byDefault.Server.Host.ShouldBe("one");
    }

    [Test]
    public void Load_WithoutKubeconfigVariable_UsesHomeKubeConfig()
    {
        // Given HOME with .kube/config and no KUBECONFIG
        Temp.Write(".kube/config", Kubeconfigs.WithToken("https://home:6443", "t"));

        // When loaded with that environment
        var connection = KubeconfigLoader.Load(null, null, new Dictionary<string, string?> { ["HOME"] = Temp.Path });

        // Then ~/.kube/config was used
        connection.Server.Host.ShouldBe("home");
        connection.Source.ShouldStartWith($"kubeconfig {Path.Combine(Temp.Path, ".kube", "config")}");
    }

    private static string MergeFile(string name, string sharedServer, string? extraCluster)
    {
        var extra = extraCluster is null ? "" : $"- name: {extraCluster}\n  cluster:\n    server: https://{extraCluster}:6443\n";
        return $"""
            clusters:
            - name: shared
              cluster:
                server: {sharedServer}
            {extra}users:
            - name: u-{name}
              user:
                token: t-{name}
            contexts:
            - context:
                cluster: shared
                user: u-{name}
              name: {name}
            current-context: {name}

            """;
    }
}
