using System.Text;
using ConformanceKit.Fixtures.Tests.Session;
using ConformanceKit.TestSupport.Loopback;
using ConformanceKit.TestSupport.Pki;

namespace ConformanceKit.Fixtures.Tests.Cli;

/// <summary>`ck sweep --kubeconfig`: leftovers of crashed runs in an existing cluster, run as a process.</summary>
public sealed class SweepCommandTests
{
    [Test]
    public async Task SweepWithKubeconfig_RemovesOnlyTheDeadRunsNamespace()
    {
        // Given a cluster (loopback API server) with a dead run's namespace, a live run's and an unlabelled one
        await using var server = await LoopbackApiServer.StartAsync();
        new LabelledObjects()
            .Namespace("ck-dead", LabelledObjects.DeadRun())
            .Namespace("ck-live", Fixtures.Session.RunSession.Create().Labels)
            .Namespace("default")
            .StorageClass("standard")
            .MapOnto(server);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("ck-sweep-").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, Kubeconfig(server));

        // When ck sweeps that cluster
        var (exit, stdout, stderr) = await CkProcess.RunAsync(null, "sweep", "--kubeconfig", kubeconfig);

        // Then only the dead run's namespace was deleted, and the summary says so
        exit.ShouldBe(0, stderr);
        server.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path).ShouldBe(["/api/v1/namespaces/ck-dead"]);
        stdout.ShouldContain("swept namespace ck-dead");
        stdout.ShouldContain("sweep: removed 1 leftover namespace(s) and class(es)");
    }

    private static string Kubeconfig(LoopbackApiServer server)
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(TestPki.CertificatePem(server.Ca)));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: loopback
              cluster:
                server: {server.BaseAddress.ToString().TrimEnd('/')}
                certificate-authority-data: {ca}
            users:
            - name: tester
              user:
                token: sweep-token
            contexts:
            - name: loopback
              context:
                cluster: loopback
                user: tester
            current-context: loopback
            """;
    }
}
