using ConformanceKit.Scenarios.Checks;
using System.Globalization;
using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Storage;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Storage;

/// <summary>
/// The restart-in-place check and sample on the v1.28 recording of a liveness probe tripped in web-1 (an image whose
/// PID 1 ignores SIGTERM, killed by the kubelet with SIGKILL after the grace period), with controls made from the same
/// recording: the pod replaced (new UID), restartCount not raised, the same container ID after the "restart".
/// </summary>
public sealed class LivenessRestartRecordedTests
{
    private const string Folder = "recorded-k8s-1.28/liveness-restart";
    private const string Uid = "9a8f7a1a-65b0-4e81-8820-7dc34fbefda5";
    private const string OldContainer = "containerd://9094e2ba47c302c706fc3de1bab33594eb5bd7d126edff003e3536511b5c7fac";
    private const string NewContainer = "containerd://83db72f9a4f82209643370bf1c185742649b7bbddb9faba3c640badd62fd2b1b";
    private const long LastVersionBeforeTrip = 23362;

    private static DateTimeOffset TrippedAt(Timeline.Timeline timeline) => timeline.StepTime("tripping the liveness probe of web-1");

    /// <summary>The end of the scenario: the marker read back, before the recorder's namespace deletion (which deletes every pod).</summary>
    private static DateTimeOffset Until(Timeline.Timeline timeline) => timeline.StepTime("read /data/marker in web-1 after the restart");

    [Test]
    public void RestartInPlace_LivenessProbeTrippedInWeb1_PassesWithTheSameUidANewContainerAndTheKubeletsEvents()
    {
        // Given the recording: /tmp/fail-liveness created in web-1, the kubelet killed and restarted its container
        var timeline = RecordedStorage.Timeline(Folder);

        // When
        var result = RestartInPlace.Check(timeline, "data", "web", 1, TrippedAt(timeline), Until(timeline));

        // Then the same pod restarted once, with a new container, on its claim; the kubelet's events are the evidence
        result.ShouldPass();
        result.Details.ShouldContain(d => d.StartsWith("web-1 (9a8f7a1a): container web 9094e2ba47c3 finished 20:31:09Z (server) (exit 137, Error), restart #1 83db72f9a4f8 started 20:31:10Z (server)", StringComparison.Ordinal));
        result.Details.ShouldContain(d => d.StartsWith("event Unhealthy on web-1", StringComparison.Ordinal) && d.Contains("Liveness probe failed", StringComparison.Ordinal));
        result.Details.ShouldContain(d => d.StartsWith("event Killing on web-1", StringComparison.Ordinal) && d.Contains("failed liveness probe, will be restarted", StringComparison.Ordinal));
        SharedData.Text("recorded-k8s-1.28", "liveness-restart", "web-1.before.txt").Trim().ShouldBe($"0 {Uid} {OldContainer}");
        SharedData.Text("recorded-k8s-1.28", "liveness-restart", "web-1.after.txt").Trim().ShouldBe($"1 {Uid} {NewContainer}");
    }

    [Test]
    public void RestartInPlace_RecordedRestart_IsOneSampleOnTheServersWholeSecondStamps()
    {
        // Given the recording, where one pod event carried both the end of the old run and the start of the new one
        var timeline = RecordedStorage.Timeline(Folder);

        // When
        var sample = RestartInPlace.Measure(timeline, "web", "standard", TrippedAt(timeline)).ShouldHaveSingleItem();

        // Then finishedAt 20:31:09Z → startedAt 20:31:10Z: 1 s on the server's clock (the observer never saw them apart)
        (sample.Metric, sample.Seconds, sample.Clock, sample.Subject).ShouldBe((StorageMetric.RestartInPlace, 1d, ClockSource.Server, "web-1 (9a8f7a1a) web#1"));
        timeline.PodsOf("web").Single(p => p.Name == "web-1").Restarts.ShouldHaveSingleItem().EndSeenApart.ShouldBeFalse();
    }

    [Test]
    public void RestartInPlace_PodWhoseProbeWasNotTripped_Fails()
    {
        // Given the recording, judged for web-0 (never tripped, never restarted)
        var timeline = RecordedStorage.Timeline(Folder);

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 0, TrippedAt(timeline), Until(timeline)).ShouldFail("never restarted a container after its liveness probe was tripped");
    }

    [Test]
    public void RestartInPlace_PodUidChangedAfterTheTrip_FailsAsReplacedNotRestarted()
    {
        // Given the recording with every web-1 event after the trip carrying another UID (a new pod under the same name)
        var timeline = RecordedStorage.Timeline(Folder, AfterTrip(pod => pod["metadata"]!["uid"] = "0badc0de-0000-4000-8000-000000000001"));

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 1, TrippedAt(timeline), Until(timeline))
            .ShouldFail("web-1 (9a8f7a1a) was replaced by a new pod web-1 (0badc0de) (pod UID changed) instead of restarting its container in place");
    }

    [Test]
    public void RestartInPlace_RestartCountNotRaised_Fails()
    {
        // Given the recording with restartCount left at 0 after the trip (a new container, but the count did not go up)
        var timeline = RecordedStorage.Timeline(Folder, AfterTrip(pod => Status(pod)["restartCount"] = 0));

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 1, TrippedAt(timeline), Until(timeline)).ShouldFail("web-1 (9a8f7a1a) never restarted a container", "restartCount did not go up");
    }

    [Test]
    public void RestartInPlace_RestartCountRaisedByTwo_FailsAsMoreThanOneRestart()
    {
        // Given the recording with restartCount 2 after the trip
        var timeline = RecordedStorage.Timeline(Folder, AfterTrip(pod => Status(pod)["restartCount"] = 2));

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 1, TrippedAt(timeline), Until(timeline)).ShouldFail("went from restartCount 0 to 2: it restarted more than once");
    }

    [Test]
    public void RestartInPlace_SameContainerIdAfterTheRestart_FailsAsNoNewContainer()
    {
        // Given the recording with the running container reported under the old container's ID
        var timeline = RecordedStorage.Timeline(Folder, AfterTrip(pod => Status(pod)["containerID"] = OldContainer));

        // When / Then
        RestartInPlace.Check(timeline, "data", "web", 1, TrippedAt(timeline), Until(timeline)).ShouldFail("runs the same container 9094e2ba47c3: no new container was started");
    }

    [Test]
    public void RestartInPlace_WindowReachingTheNamespaceDeletion_FailsAsDeletedNotRestarted()
    {
        // Given the recording judged up to its end, where the recorder deleted the namespace and with it web-0
        var timeline = RecordedStorage.Timeline(Folder);

        // When / Then web-0, never restarted, was deleted: that is no restart in place either
        RestartInPlace.Check(timeline, "data", "web", 0, TrippedAt(timeline)).ShouldFail("web-0 (600e5a9a) was deleted at 20:31:13Z (server) instead of restarting its container in place");
    }

    [Test]
    public void Marker_ReadBackFromTheNewContainer_HasTheDigestWrittenBeforeTheKill()
    {
        // Given the marker's sha256 before the trip and read back from the new container
        var before = DigestListing.Parse(SharedData.Text("recorded-k8s-1.28", "liveness-restart", "marker-before.txt"));
        var after = SharedData.Text("recorded-k8s-1.28", "liveness-restart", "marker-after.txt");

        // When
        var digest = DigestListing.Parse(after)["/data/marker"];

        // Then the volume's file is intact, while the container's own /tmp (the probe's file) did not survive
        digest.ShouldBe(before["/data/marker"]);
        after.ShouldContain("tmp-file-gone");
    }

    /// <summary>Edits the web-1 pod events the server stored after the trip (resourceVersion above the last one before it).</summary>
    private static Func<string, string> AfterTrip(Action<JsonNode> edit) => line =>
    {
        var node = JsonNode.Parse(line)!;
        var pod = node["object"]!;
        var version = long.Parse((string)pod["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture);
        if ((string?)pod["metadata"]!["name"] != "web-1" || version <= LastVersionBeforeTrip)
        {
            return line;
        }

        edit(pod);
        return node.ToJsonString();
    };

    private static JsonNode Status(JsonNode pod) => pod["status"]!["containerStatuses"]![0]!;
}
