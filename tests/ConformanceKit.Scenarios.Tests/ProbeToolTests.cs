using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Steps;
using Shouldly;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests;

public sealed class ProbeToolTests
{
    private static ExecResult Exit(int code, string stderr = "") => new(code, "", stderr, null);

    [Test]
    public void WgetKilledBySegfault_IsAProbeErrorNamingToolPodImageAndSignal()
    {
        // Given wget exiting with 139 (128 + SIGSEGV), as an old busybox did on the first real run
        var result = Exit(139);

        // When
        var error = Should.Throw<ProbeToolException>(() => ProbeTool.Ensure("wget", "ck-dns-1", "dns-probe", "busybox:1.28", result));

        // Then the message says which tool crashed where, on which signal, and what to do; the report calls it an error
        error.Message.ShouldStartWith("probe tool 'wget' in pod ck-dns-1/dns-probe (image busybox:1.28) crashed with signal 11 (exit 139)");
        error.Message.ShouldContain("--busybox-image");
        FailureClassifier.Classify($"{typeof(ProbeToolException).FullName} : {error.Message}").Kind.ShouldBe(FailureKind.Error);
    }

    [Test]
    public void ToolMissingFromTheImage_IsAProbeError()
    {
        // Given a command that could not start
        var result = Exit(-1, "exec: \"nslookup\": executable file not found in $PATH");

        // When / Then
        Should.Throw<ProbeToolException>(() => ProbeTool.Ensure("nslookup", "ns", "dns-probe", "distroless", result))
            .Message.ShouldContain("could not start: exec: \"nslookup\": executable file not found");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(8)]
    public void ToolThatRanAndAnswered_IsReturnedForTheCheckToJudge(int exitCode)
    {
        // Given wget that reached nobody (1) or got an HTTP error (8): the tool worked, the answer is evidence
        var result = Exit(exitCode);

        // When / Then
        ProbeTool.Ensure("wget", "ns", "dns-probe", "busybox:1.36.1", result).ShouldBeSameAs(result);
    }
}
