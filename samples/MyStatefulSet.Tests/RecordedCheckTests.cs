using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using NUnit.Framework;

namespace MyStatefulSet.Tests;

/// <summary>
/// The checks run on a recorded timeline, without a cluster: how to test check logic (or a check of your own)
/// offline. The recording is a real v1.26 cluster's watch streams of a 3-pod set "web" with claims "data-web-N".
/// </summary>
public sealed class RecordedCheckTests
{
    private static string[] Streams => [ManifestFile.Recorded("pods"), ManifestFile.Recorded("pvcs"), ManifestFile.Recorded("events")];

    [Test]
    public void RecordedSet_StartedEachPodAfterThePreviousWasReady()
    {
        // Given the recorded timeline
        var timeline = RecordedTimeline.Read(Streams);

        // When ordered creation is checked
        var result = OrderedCreation.Check(timeline, "web");

        // Then it passes, naming the pods it judged
        result.ShouldPass();
        Assert.That(result.Message, Does.Contain("web-0..web-2"));
    }

    [Test]
    public void RecordedSet_AtTheEndOfTheRecording_HasNoClaimsLeft_SoPerPodStorageFails()
    {
        // Given the recorded timeline, which ends when the namespace (and its claims) was deleted
        var timeline = RecordedTimeline.Read(Streams);

        // When per-pod storage is checked at that end
        var result = PerPodStorage.Check(timeline, "data", "web", 3);

        // Then it fails, naming the missing claim: a check that can fail, shown failing
        result.ShouldFail("claim data-web-0 does not exist");
    }
}
