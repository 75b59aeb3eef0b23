using ConformanceKit.Fixtures.Engine;

namespace ConformanceKit.Fixtures.Tests;

/// <summary>
/// Before any test: Testcontainers' resource reaper off unless the caller chose (its image cannot be pulled on the
/// machines these tests run on; every test removes its own containers, and the plumbing set-up checks none is left).
/// Testcontainers reads its settings once, so this runs before anything touches them.
/// </summary>
[SetUpFixture]
public sealed class SelfTestEnvironment
{
    [OneTimeSetUp]
    public void TurnTheReaperOffUnlessChosen()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ResourceReaperGate.DisableVariable)))
        {
            Environment.SetEnvironmentVariable(ResourceReaperGate.DisableVariable, "true");
        }
    }
}
