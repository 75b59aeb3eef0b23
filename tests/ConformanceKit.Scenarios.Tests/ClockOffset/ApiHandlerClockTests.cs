using System.Net;
using ConformanceKit.Scenarios.ClockOffset;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Tests.Support;
using Shouldly;

namespace ConformanceKit.Scenarios.Tests.ClockOffset;

public sealed class ApiHandlerClockTests
{
    private static readonly Uri Server = new("https://api.test:6443/");

    [Test]
    public async Task Answer_IsTimedOnTheLocalClock_AndItsDateHeaderBoundsTheServerClock()
    {
        // Given a server answering with Date 10:00:05 to a request our clock sends at 10:00:01 and sees answered at 10:00:01.250
        var estimator = new ClockOffsetEstimator();
        using var api = Invoker(estimator, new SteppingClock(Hand.At(1), Hand.At(1.25)), Answer(HttpStatusCode.OK, Hand.At(5)));

        // When one GET is sent
        using var response = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "/version")), CancellationToken.None);

        // Then the server's clock is 3.75 s to 5 s ahead of ours: [Date - received, Date + 1 s - sent]
        estimator.Current.ShouldBe(new ClockOffsetBound(3.75, 5.0, 1));
    }

    [Test]
    public async Task Refusal_StillCarriesTheServersClock()
    {
        // Given a server refusing with 404 and Date 10:00:05
        var estimator = new ClockOffsetEstimator();
        using var api = Invoker(estimator, new SteppingClock(Hand.At(1), Hand.At(1.25)), Answer(HttpStatusCode.NotFound, Hand.At(5)));

        // When one GET is sent
        await Should.ThrowAsync<KubeApiException>(() => api.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "/api/v1/namespaces/x")), CancellationToken.None));

        // Then the refusal's Date was measured like any answer
        estimator.Current.ShouldBe(new ClockOffsetBound(3.75, 5.0, 1));
    }

    [Test]
    public async Task RetriedRequest_EachAttemptIsOneSample()
    {
        // Given a server that answers 503 once, then 200, both dated 10:00:05
        var estimator = new ClockOffsetEstimator();
        var clock = new SteppingClock(Hand.At(1), Hand.At(1.25), Hand.At(1.5), Hand.At(1.6));
        using var api = Invoker(estimator, clock, Answer(HttpStatusCode.ServiceUnavailable, Hand.At(5)), Answer(HttpStatusCode.OK, Hand.At(5)));

        // When one GET is sent (and retried)
        using var response = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "/version")), CancellationToken.None);

        // Then both attempts were timed on their own: [5 - 1.25, 6 - 1] ∩ [5 - 1.6, 6 - 1.5]
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        estimator.Current.ShouldBe(new ClockOffsetBound(3.75, 4.5, 2));
    }

    [Test]
    public async Task AnswerWithoutADateHeader_AddsNothing()
    {
        // Given a server (or a proxy before it) that sends no Date header
        var estimator = new ClockOffsetEstimator();
        using var api = Invoker(estimator, new SteppingClock(Hand.At(1), Hand.At(1.25)), Answer(HttpStatusCode.OK, null));

        // When one GET is sent
        using var response = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "/version")), CancellationToken.None);

        // Then there is still no bound
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        estimator.Current.ShouldBeNull();
    }

    private static HttpMessageInvoker Invoker(ClockOffsetEstimator estimator, TimeProvider clock, params Func<HttpResponseMessage>[] answers) =>
        new(new ApiHandler(Server, new KubeClientOptions { RetryDeadline = TimeSpan.FromSeconds(10), Warn = _ => { } }, estimator, clock)
        {
            InnerHandler = new ScriptedAnswers(answers),
        });

    private static Func<HttpResponseMessage> Answer(HttpStatusCode status, DateTimeOffset? date) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
        response.Headers.Date = date;
        return response;
    };

    /// <summary>Answers successive requests with successive answers.</summary>
    private sealed class ScriptedAnswers(Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers[Math.Min(next++, answers.Length - 1)]());
    }

    /// <summary>Reads out the given times one per call, then stays on the last.</summary>
    private sealed class SteppingClock(params DateTimeOffset[] times) : TimeProvider
    {
        private int next;

        public override DateTimeOffset GetUtcNow() => times[Math.Min(next++, times.Length - 1)];
    }
}
