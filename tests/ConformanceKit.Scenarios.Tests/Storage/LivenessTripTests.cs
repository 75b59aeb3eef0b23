using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using ConformanceKit.Scenarios.Timeline;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>An image without the tools the liveness trip needs is a reason to skip, named; an image that has them is not.</summary>
public sealed class LivenessTripTests
{
    private const string MissingTest =
        "Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec \"5f1e\": OCI runtime exec failed: " +
        "exec failed: unable to start container process: exec: \"test\": executable file not found in $PATH: unknown";

    private static TimelineEvent Unhealthy(string pod, string message) => new(Hand.Server(3), "Pod", pod, "Warning", "Unhealthy", message, 1);

    [Test]
    public void ProbeToolMissing_KubeletCouldNotRunTest_IsASkipReasonNamingTheToolAndTheImageOption()
    {
        // Given the kubelet's event for web-0 of an image without test
        var events = new[] { Unhealthy("web-0", MissingTest) };

        // When
        var reason = LivenessTrip.ProbeToolMissing(events, "web", "registry.local/distroless:1");

        // Then
        reason.ShouldNotBeNull();
        reason.ShouldStartWith("the workload image registry.local/distroless:1 has no 'test'");
        reason.ShouldContain("--workload-image");
    }

    [Test]
    public void ProbeToolMissing_RuntimeQuotingTheToolInSingleQuotes_IsRecognisedToo()
    {
        // Given a runtime (crun) that words the missing binary differently
        var events = new[] { Unhealthy("web-2", "Liveness probe errored: rpc error: code = Unknown desc = executable file 'test' not found in $PATH: No such file or directory") };

        // When / Then
        LivenessTrip.ProbeToolMissing(events, "web", "scratch-web:1").ShouldNotBeNull().ShouldContain("in web-2");
    }

    [Test]
    public void ProbeToolMissing_ProbeThatRanAndFailed_IsNoSkipReason()
    {
        // Given the recorded events of the v1.28 trip: the probe ran and failed because the file existed; a readiness failure
        var events = new[]
        {
            Unhealthy("web-1", "Liveness probe failed: "),
            Unhealthy("web-1", "Readiness probe failed: Get \"http://10.244.0.14:80/\": context deadline exceeded"),
            Unhealthy("other-0", MissingTest),
        };

        // When / Then (the missing tool of another set's pod is not this set's)
        LivenessTrip.ProbeToolMissing(events, "web", "nginx:1.27.3").ShouldBeNull();
    }

    [Test]
    public void TripToolMissing_TouchCouldNotStart_IsASkipReasonNamingTouch()
    {
        // Given the exec of touch answering that the binary is missing
        var result = new ExecResult(-1, "", "exec: \"touch\": executable file not found in $PATH", null);

        // When / Then
        LivenessTrip.TripToolMissing(result, "web-1", "scratch-web:1").ShouldNotBeNull().ShouldContain("has no 'touch'");
        LivenessTrip.TripToolMissing(result with { ExitCode = 0, Stderr = "" }, "web-1", "nginx:1.27.3").ShouldBeNull();
    }

    [Test]
    public void Commands_ProbeFailsOnlyOnceTheTripFileExists()
    {
        // Given / When / Then the probe and the trip name the same file, in the container's /tmp (not the volume)
        LivenessTrip.ProbeCommand.ShouldBe(["test", "!", "-e", "/tmp/ck-fail-liveness"]);
        LivenessTrip.TripCommand.ShouldBe(["touch", "/tmp/ck-fail-liveness"]);
    }
}
