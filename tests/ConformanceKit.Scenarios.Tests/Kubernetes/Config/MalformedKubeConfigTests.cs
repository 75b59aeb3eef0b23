using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.TestSupport.Pki;
using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

public sealed class MalformedKubeConfigTests : TempAndPkiTest
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private string caData = "";

    [SetUp]
    public void SetUp()
    {
        caData = TempDirectory.Base64(TestPki.CertificatePem(Pki.Ca));
    }

    [Test]
    public void Baseline_WellFormedFile_Loads()
    {
        // Given the well-formed file every malformed case below differs from in one field
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443", $"certificate-authority-data: {caData}"], ClientCertUser()));

        // When it is loaded
        var connection = KubeconfigLoader.Load(path, null, NoEnvironment);

        // Then it works (negative control for the cases below)
        connection.Configuration.ClientCertificateData.ShouldNotBeNull();
    }

    [TestCase("apiVersion: v1\nclusters:\n- name: dev\n  cluster:\n    server: \"https://x\n  bad\n", "not valid YAML at line ")]
    [TestCase("apiVersion: v1\nkind: Config\n  clusters: []\n", "not valid YAML at line 3")]
    [TestCase("apiVersion: v1\nclusters:\n- name: dev\n  cluster: {server: https://x\ncontexts: []\n", "not valid YAML")]
    public void BadYaml_NamesTheFileAndWhereItBroke(string yaml, string expected)
    {
        // Given a file that is not valid YAML
        var path = Temp.Write("config", yaml);

        // When it is loaded
        var message = Fail(path);

        // Then the message names the file and (when the parser knows it) the line
        message.ShouldStartWith($"kubeconfig {path}: {expected}");
    }

    [Test]
    public void MissingContext_ListsTheContextsThatExist()
    {
        // Given a well-formed file with context dev
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"], null));

        // When a context that does not exist is asked for
        var message = Fail(path, "prod");

        // Then the message names the file, the missing context and the ones that exist
        message.ShouldBe($"kubeconfig {path}: --context prod: context 'prod' is not defined; contexts defined: dev");
    }

    [Test]
    public void CurrentContextNotDefined_NamesTheCurrentContextField()
    {
        // Given current-context naming a context the file does not define
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"], null, currentContext: "gone"));

        // When it is loaded
        var message = Fail(path);

        // Then the field is current-context
        message.ShouldBe($"kubeconfig {path}: current-context: context 'gone' is not defined; contexts defined: dev");
    }

    [Test]
    public void ClusterWithoutServer_NamesTheServerField()
    {
        // Given a cluster with a CA but no server
        var path = Temp.Write("config", Kubeconfigs.Single([$"certificate-authority-data: {caData}"], null));

        // When it is loaded
        // Then the message names clusters[dev].server
        OneLine(Fail(path)).ShouldStartWith($"kubeconfig {path}, context dev: ");
    }

    [TestCase("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", "does not parse as a PEM certificate")]
    [TestCase("just some text", "holds no PEM certificate")]
    public void CaThatDoesNotParse_NamesTheCaField(string caText, string problem)
    {
        // Given certificate-authority-data that is not a certificate
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443", $"certificate-authority-data: {TempDirectory.Base64(caText)}"], null));

        // When it is loaded
        // Then the message names the field and the problem
        OneLine(Fail(path)).ShouldStartWith($"kubeconfig {path}, context dev: ");
    }

    [Test]
    public void UnreadableKeyFile_NamesTheFieldAndThePath()
    {
        // Given client-key naming a file that does not exist
        var client = Pki.IssueClient("ci");
        var missing = Path.Combine(Temp.Path, "missing.key");
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"],
            [$"client-certificate-data: {TempDirectory.Base64(TestPki.CertificatePem(client))}", $"client-key: {missing}"]));

        // When it is loaded
        // Then the message names users[ci].client-key and the file
        OneLine(Fail(path)).ShouldStartWith($"kubeconfig {path}, context dev: ");
    }

    [Test]
    public void KeyOfAnotherCertificate_IsReportedAsMismatch()
    {
        // Given the certificate of one client with the key of another
        var alice = Pki.IssueClient("alice");
        var mallory = Pki.IssueClient("mallory");
        var path = Temp.Write("config", Kubeconfigs.Single(["server: https://127.0.0.1:6443"],
            [$"client-certificate-data: {TempDirectory.Base64(TestPki.CertificatePem(alice))}", $"client-key-data: {TempDirectory.Base64(TestPki.RsaKeyPem(mallory))}"]));

        // When it is loaded
        // Then the key field is blamed, naming the certificate field
        OneLine(Fail(path)).ShouldStartWith($"kubeconfig {path}, context dev: ");
    }

    [Test]
    public void ExplicitPathMissing_NamesThePath()
    {
        // Given a path that does not exist
        var path = Path.Combine(Temp.Path, "nope.yaml");

        // When it is loaded
        // Then the message names it
        Fail(path).ShouldStartWith($"kubeconfig {path}: cannot read the file (No such file)");
    }

    [Test]
    public void NothingFound_NamesEveryPlaceLooked()
    {
        // Given neither KUBECONFIG, ~/.kube/config nor a service account
        var env = new Dictionary<string, string?> { ["HOME"] = Temp.Path };

        // When loading
        var message = Should.Throw<KubeconfigException>(() => KubeconfigLoader.Load(null, null, env)).Message;

        // Then every place is named
        message.ShouldStartWith("no kubeconfig found; looked at: ");
        message.ShouldContain(Path.Combine(Temp.Path, ".kube", "config"));
        message.ShouldContain("in-cluster service account (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)");
        message.ShouldContain("--kubeconfig");
    }

    [Test]
    public void KubeconfigListOfMissingFiles_NamesThem()
    {
        // Given KUBECONFIG naming only files that do not exist
        var a = Path.Combine(Temp.Path, "a");
        var b = Path.Combine(Temp.Path, "b");
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{a}:{b}" };

        // When loading
        // Then both are named
        Should.Throw<KubeconfigException>(() => KubeconfigLoader.Load(null, null, env))
            .Message.ShouldContain($"$KUBECONFIG ({a}, {b}: none exists)");
    }

    private string[] ClientCertUser()
    {
        var client = Pki.IssueClient("ci");
        return [$"client-certificate-data: {TempDirectory.Base64(TestPki.CertificatePem(client))}", $"client-key-data: {TempDirectory.Base64(TestPki.RsaKeyPem(client))}"];
    }

    private static string Fail(string path, string? context = null) =>
        Should.Throw<KubeconfigException>(() => KubeconfigLoader.Load(path, context, NoEnvironment)).Message;

    private static string OneLine(string message)
    {
        message.ShouldNotContain("\n");
        return message;
    }
}
