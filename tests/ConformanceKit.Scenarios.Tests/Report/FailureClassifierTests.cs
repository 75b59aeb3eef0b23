using ConformanceKit.Scenarios.Report;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Report;

public sealed class FailureClassifierTests
{
    private static Dictionary<string, TestOutcome> Recorded() =>
        TrxReader.Read(RecordedResults.TrxPath).ToDictionary(o => o.FullName);

    [Test]
    public void FailedCheck_IsAViolation_WithTheCheckAndItsMessageAsReason()
    {
        // Given / When the recorded result of a CheckResult that should have passed
        var outcome = Recorded()["Sample.Scenarios.ControlScenario.CheckViolated"];

        // Then
        outcome.Failure.ShouldBe(new TestFailure(FailureKind.Violation, "OrderedScaleDown: web-0 was deleted before web-1 was gone"));
    }

    [Test]
    public void NegativeControlThatPassed_IsAnError_BecauseNothingWasProven()
    {
        // Given / When the recorded result of a control whose check passed
        var failure = Recorded()["Sample.Scenarios.ControlScenario.ControlPassed"].Failure!;

        // Then
        failure.Kind.ShouldBe(FailureKind.Error);
        failure.Reason.ShouldBe("negative control passed, so the check proved nothing here: OrderedCreation: pods created in ordinal order");
    }

    [TestCase("FailsShouldly", FailureKind.Violation, "[Test] public void FailsShouldly() { 3 / should be / 4 …")]
    [TestCase("FailsAssert", FailureKind.Violation, "check OrderedCreation should pass but did not: / FAIL OrderedCreation: web-1 created before web-0 Ready")]
    [TestCase("Throws", FailureKind.Error, "TimeoutException: all 3 pods of web Ready didn't happen within the allowed timeout of '00:03:00'")]
    public void RecordedFailure_IsClassifiedByWhatCarriedIt(string test, FailureKind kind, string reason)
    {
        // Given / When the recorded result of an assertion or an exception
        var failure = Recorded()[$"Sample.Scenarios.CheckScenario.{test}"].Failure;

        // Then
        failure.ShouldBe(new TestFailure(kind, reason));
    }

    [Test]
    public void FailedOneTimeSetUp_IsAnErrorNamingTheSetUp()
    {
        // Given / When the recorded result of a test whose SetUpFixture failed
        var failure = Recorded()["Sample.Broken.NeedsCluster.Runs"].Failure!;

        // Then
        failure.Kind.ShouldBe(FailureKind.Error);
        failure.Reason.ShouldStartWith("set-up failed: No Docker engine answered at unix:///var/run/docker.sock");
    }

    [Test]
    public void CrashedProbeTool_IsAnError()
    {
        // Given the message a crashed probe tool leaves
        const string message = "ConformanceKit.Scenarios.Steps.ProbeToolException : probe tool 'wget' in pod ns/dns-probe (image busybox:1.28) crashed with signal 11";

        // When / Then
        FailureClassifier.Classify(message).ShouldBe(new TestFailure(FailureKind.Error, "ProbeToolException: probe tool 'wget' in pod ns/dns-probe (image busybox:1.28) crashed with signal 11"));
    }

    [Test]
    public void ImageThatCannotBePulled_IsAnErrorWhoseReasonIsItsOneLine()
    {
        // Given the message a wait ended by an image the kubelet cannot have leaves, and the same line under another exception (control)
        const string line = "pod ck-a-1/ck-dns-probe cannot start: the image \"bb:9\" of container probe could not be pulled (ImagePullBackOff, 3 failed pulls; "
            + "kubelet: 'Failed to pull image \"bb:9\": not found'); pass --busybox-image IMAGE (CK_BUSYBOX_IMAGE) naming a busybox image the cluster can pull";

        // When both are classified
        var image = FailureClassifier.Classify($"ConformanceKit.Scenarios.Recording.PodCannotStartException : {line}");
        var other = FailureClassifier.Classify($"System.InvalidOperationException : {line}");

        // Then the image's is an error whose reason is the line as it is; another exception keeps its type in front
        image.ShouldBe(new TestFailure(FailureKind.Error, line));
        other.ShouldBe(new TestFailure(FailureKind.Error, $"InvalidOperationException: {line}"));
    }

    [Test]
    public void TearDownThatFailedAfterAPassingTest_IsAnError()
    {
        // Given the message NUnit 5 reports when the clean-up of a passing test throws
        const string message = "TearDown : System.InvalidOperationException : Cleanup failed: namespace ck-a-1 was not deleted within 00:05:00";

        // When / Then
        FailureClassifier.Classify(message).ShouldBe(new TestFailure(FailureKind.Error,
            "tear-down failed: System.InvalidOperationException : Cleanup failed: namespace ck-a-1 was not deleted within 00:05:00"));
    }

    [Test]
    public void EmptyMessage_IsAnError()
    {
        // Given / When / Then
        FailureClassifier.Classify("  ").Kind.ShouldBe(FailureKind.Error);
    }
}
