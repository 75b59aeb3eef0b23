using ConformanceKit.Fixtures.Workload;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.TestSupport.Loopback;

namespace ConformanceKit.Fixtures.Tests.Workload;

/// <summary>RecordedTimeline: the real v1.26 ordered-lifecycle recording read from its watch files, judged by the checks.</summary>
public sealed class RecordedTimelineTests
{
    private static string[] Files => [.. new[] { "pods", "pvcs", "events" }.Select(s => SharedData.RecordedFile("ordered-lifecycle", $"{s}.watch.jsonl"))];

    [Test]
    public void Read_OrderedLifecycle_PassesOrderedCreationInEveryWave()
    {
        // When the recording's pod, claim and event streams are read
        var timeline = RecordedTimeline.Read(Files);

        // Then the set's three waves (created, replaced, re-created) each started in order, and every pod and claim is there
        OrderedCreation.Check(timeline, "web").ShouldPass().Message.ShouldContain("web-0..web-2");
        timeline.PodsOf("web").Count.ShouldBe(9);
        timeline.Claims.Select(c => c.Name).Distinct().Order().ShouldBe(["data-web-0", "data-web-1", "data-web-2"]);
    }

    [Test]
    public void Read_OrderedLifecycle_EndsWithItsNamespaceDeleted_SoPerPodStorageFailsForWantOfClaims()
    {
        // Given the recording, which ends with the namespace deleted (the negative control of a check at the end)
        var timeline = RecordedTimeline.Read(Files);

        // When per-pod storage is checked at its end
        var result = PerPodStorage.Check(timeline, "data", "web", 3);

        // Then the claims, Bound while the set ran, are gone with the namespace
        result.ShouldFail("claim data-web-0 does not exist (and 2 more)");
        timeline.Claims.ShouldAllBe(c => c.Gone != null && c.VolumeName != null);
    }

    [Test]
    public void Read_OrderedLifecycle_ClocksEachPodsReadinessWithinTheSecondTheServerStamped()
    {
        // Given the recording read from its files (a recording carries no observer clock of its own)
        var timeline = RecordedTimeline.Read(Files);

        // When each pod's Ready moment is compared with the server's stamp of its Ready condition
        var ready = timeline.PodsOf("web").Where(p => p.Ready?.Server is not null).Select(p => p.Ready!).ToList();

        // Then the synthesised observation lies in the stamped second, so streams of different kinds merge in the server's order
        ready.Count.ShouldBe(9);
        ready.ShouldAllBe(r => r.Observed >= r.Server!.Value && r.Observed - r.Server!.Value < TimeSpan.FromSeconds(1));
    }

    [Test]
    public void Read_ALineThatIsNotAWatchEvent_FailsNamingTheFileAndLine()
    {
        // Given a watch file whose second line is cut short
        var file = Path.Combine(Path.GetTempPath(), $"ck-broken-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, [File.ReadLines(Files[0]).First(), """{"type":"ADDED","object":{"kind":"Pod","""]);
        try
        {
            // When it is read
            var error = Should.Throw<InvalidDataException>(() => RecordedTimeline.Read(file));

            // Then the error names the file and the line
            error.Message.ShouldStartWith($"{file} line 2: not a watch event");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
