using System.Text.Json;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Replay;

/// <summary>What the recorded v1.26 answers show about the Date header the clock bound is measured from.</summary>
public sealed class RecordedDateHeaderTests
{
    private static IEnumerable<string> Answers() =>
        Directory.GetFiles(SharedData.RecordedFile("api-responses"), "*.http").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Answers))]
    public void EveryRecordedAnswer_CarriesADateHeader_InWholeSecondsOfUtc(string file)
    {
        // Given a recorded answer of the real API server
        var recording = HttpRecording.LoadApiResponse(file);

        // When its Date header is read as the client's HTTP stack reads it
        var date = DateOf(recording);

        // Then there is one, in UTC, with no fraction of a second (RFC 1123)
        date.ShouldNotBeNull();
        date.Value.Offset.ShouldBe(TimeSpan.Zero);
        (date.Value.UtcTicks % TimeSpan.TicksPerSecond).ShouldBe(0);
        recording.Headers.Single(h => h.Name.Equals("date", StringComparison.OrdinalIgnoreCase)).Value.ShouldEndWith(" GMT");
    }

    [TestCase("server-side-apply.201.http", "creationTimestamp")]
    [TestCase("delete-foreground.200.http", "deletionTimestamp")]
    public void StampTheRequestSet_FallsInTheSecondOfItsAnswersDate_TheSameClockAtTheSamePrecision(string file, string stamp)
    {
        // Given a recorded answer whose object carries the stamp that very request set (created, or marked deleted)
        var recording = HttpRecording.LoadApiResponse(file);
        var body = JsonDocument.Parse(recording.Body).RootElement;
        var stamped = body.GetProperty("metadata").GetProperty(stamp).GetDateTimeOffset();

        // When it is compared with the answer's Date header
        var date = DateOf(recording)!.Value;

        // Then the Date was read from the server's clock no earlier than the stamp and within the same second, so the
        // header bounds the clock that writes the timestamps StepClock reads
        date.ShouldBeGreaterThanOrEqualTo(stamped);
        (date - stamped).ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    private static DateTimeOffset? DateOf(HttpRecording recording)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in recording.Headers.Where(h => h.Name.Equals("date", StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers.Date;
    }
}
