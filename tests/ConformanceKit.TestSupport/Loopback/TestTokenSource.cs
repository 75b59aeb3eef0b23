using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>Bearer tokens for tests: hands out the tokens in order, moving to the next one on Invalidate().</summary>
public sealed class TestTokenSource(params string[] tokens) : k8s.Authentication.ITokenProvider
{
    private int index;

    /// <summary>How often Invalidate() was called.</summary>
    public int Invalidations { get; private set; }

    /// <inheritdoc />
    public Task<System.Net.Http.Headers.AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens[Math.Min(index, tokens.Length - 1)]));

    /// <inheritdoc />
    public void Invalidate()
    {
        Invalidations++;
        index++;
    }
}
