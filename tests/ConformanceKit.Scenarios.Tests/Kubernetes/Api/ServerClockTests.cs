using ConformanceKit.Scenarios.Tests.Kubernetes.Support;
using ConformanceKit.TestSupport.Loopback;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.Kubernetes.Api;

public sealed class ServerClockTests : LoopbackTest
{
    [TestCase(7.3)]
    [TestCase(-2.6)]
    public async Task ServerClockOffByAKnownAmount_ClientBoundHoldsIt_AndExcludesZero(double offsetSeconds)
    {
        // Given a loopback API server whose clock runs a known, non-whole number of seconds from ours
        var offset = TimeSpan.FromSeconds(offsetSeconds);
        Server.ClockOffset = offset;
        using var client = CreateClient();
        client.ServerClock.ShouldBeNull();

        // When the client asks for the version 20 times
        for (var i = 0; i < 20; i++)
        {
            await client.GetVersionAsync(CancellationToken.None);
        }

        // Then the bound, over every answer, holds the offset, is at most a second and a bit wide, and excludes 0
        var bound = client.ServerClock!;
        Server.Requests.Count.ShouldBe(20);
        (bound.Samples, bound.Restarts).ShouldBe((20, 0));
        bound.Low.ShouldBeLessThanOrEqualTo(offset);
        bound.High.ShouldBeGreaterThanOrEqualTo(offset);
        (bound.High - bound.Low).ShouldBeLessThan(TimeSpan.FromSeconds(1.5));
        (bound.Low > TimeSpan.Zero || bound.High < TimeSpan.Zero).ShouldBeTrue();
        bound.Warning.ShouldNotBeNull().ShouldContain(bound.ToString());
    }

    [Test]
    public async Task ServerClockAgreeingWithOurs_ClientBoundHoldsZero_AndDoesNotWarn()
    {
        // Given a loopback API server that writes each Date from our own clock as it answers
        Server.ClockOffset = TimeSpan.Zero;
        using var client = CreateClient();

        // When the client asks for the version 20 times
        for (var i = 0; i < 20; i++)
        {
            await client.GetVersionAsync(CancellationToken.None);
        }

        // Then the bound holds zero and there is no warning
        var bound = client.ServerClock!;
        bound.Low.ShouldBeLessThanOrEqualTo(TimeSpan.Zero);
        bound.High.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        bound.Warning.ShouldBeNull();
    }

    [Test]
    public async Task RecordedAnswerWithItsOwnDate_BoundsTheRecordingsClock_ThenAnAnswerFromNowIsSeenAsAStep()
    {
        // Given the recorded 200 of a paged pod list, served with the Date header the real server sent (2026-11-20)
        var recording = HttpRecording.LoadApiResponse("list-paged-limit1.http");
        var recordedDate = recording.Headers.Single(h => h.Name == "date").Value;
        Server.Map("GET", "/api/v1/namespaces/default/pods", context =>
        {
            context.Response.Headers.Date = recordedDate;
            return recording.ServeAsync(context);
        });
        using var client = CreateClient();
        var date = DateTimeOffset.Parse(recordedDate, System.Globalization.CultureInfo.InvariantCulture);

        // When the client fetches it once
        var before = DateTimeOffset.UtcNow;
        (await client.GetRawAsync("/api/v1/namespaces/default/pods", CancellationToken.None)).StatusCode.ShouldBe(200);
        var after = DateTimeOffset.UtcNow;

        // Then its one answer bounds the server's clock inside [Date - after, Date + 1 s - before]
        var recorded = client.ServerClock!;
        recorded.Samples.ShouldBe(1);
        recorded.Low.ShouldBeGreaterThanOrEqualTo(date - after);
        recorded.High.ShouldBeLessThanOrEqualTo(date + TimeSpan.FromSeconds(1) - before);

        // When an answer dated from our own clock follows (to the server's clock, a step of days)
        Server.ClockOffset = TimeSpan.Zero;
        await client.GetVersionAsync(CancellationToken.None);

        // Then the contradiction is counted and the bound is measured anew around zero, not intersected into nonsense
        var stepped = client.ServerClock!;
        (stepped.Samples, stepped.Restarts).ShouldBe((1, 1));
        stepped.Low.ShouldBeLessThanOrEqualTo(TimeSpan.Zero);
        stepped.High.ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
    }
}
