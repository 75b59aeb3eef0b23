using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;
using ConformanceKit.TestSupport.Pki;
using NUnit.Framework;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Config;

/// <summary>Base of the kubeconfig tests: a fresh temporary folder and test PKI for every test.</summary>
public abstract class TempAndPkiTest
{
    private protected TempDirectory Temp { get; private set; } = null!;

    protected TestPki Pki { get; private set; } = null!;

    [SetUp]
    public void CreateTempAndPki()
    {
        Temp = new TempDirectory();
        Pki = TestPki.Create();
    }

    [TearDown]
    public void DisposeTempAndPki()
    {
        Pki.Dispose();
        Temp.Dispose();
    }
}
