using Polly;
using Polly.Retry;

namespace ConformanceKit.Docker.Tests.Engine;

/// <summary>GET that retries until the server inside a container answers, within a deadline.</summary>
internal static class Http
{
    public static async Task<string> GetUntilAnswerAsync(Uri uri, TimeSpan deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(deadline)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<IOException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(50),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(1),
            })
            .Build();
        return await pipeline.ExecuteAsync(async token => await http.GetStringAsync(uri, token));
    }
}
