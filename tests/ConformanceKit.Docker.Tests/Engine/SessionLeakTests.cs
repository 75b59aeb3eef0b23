using NUnit.Framework;
using Shouldly;

namespace ConformanceKit.Docker.Tests.Engine;

/// <summary>
/// Runs last, whatever passed or failed before: nothing of this session may remain. The engine fixtures form one
/// chain of DependsOnFixture (one per fixture, AllowFailure) ending here; a new engine fixture joins the chain.
/// </summary>
[DependsOnFixture(typeof(ListAndVersionTests), AllowFailure = true)]
public sealed class SessionLeakTests
{
    [Test]
    public async Task AfterAllEngineTests_NoContainerWithTheSessionLabelRemains()
    {
        // Given every other engine test has run and disposed its containers

        // When containers with this session's label are listed, stopped ones included
        var left = await EngineSession.Client.ListContainersAsync(EngineSession.LabelFilter, all: true, EngineSession.Timeout());

        // Then there are none
        left.Select(c => $"{string.Join(',', c.Names)} ({c.State})").ShouldBeEmpty();
    }
}
