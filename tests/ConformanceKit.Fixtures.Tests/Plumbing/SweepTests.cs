using ConformanceKit.Fixtures.Session;
using Docker.DotNet.Models;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: the leftover sweep removes dead runs' containers only.</summary>
public sealed class SweepTests
{
    [Test]
    public async Task Sweep_RemovesDeadRunsContainer_LeavesLiveRunsAndUnlabelledOnes()
    {
        // Given a container of a dead run, one of a live run (this process) and an unlabelled one
        var engine = await Engine.GetAsync();
        var dead = DeadRun.Create();
        var live = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var deadId = await CreateAsync(Labelled(dead));
        var liveId = await CreateAsync(Labelled(live));
        var unlabelledId = await CreateAsync(new Dictionary<string, string> { ["conformancekit.test/unlabelled"] = Engine.Run.Id });
        try
        {
            // When a new run sweeps
            var removed = await new LeftoverSweeper(engine.Client).SweepAsync(Engine.Run.Id, CancellationToken.None);

            // Then only the dead run's container is gone
            removed.ShouldContain(deadId);
            removed.ShouldNotContain(liveId);
            removed.ShouldNotContain(unlabelledId);
            (await Engine.InspectAsync(deadId)).ShouldBeNull();
            (await Engine.InspectAsync(liveId)).ShouldNotBeNull();
            (await Engine.InspectAsync(unlabelledId)).ShouldNotBeNull();
        }
        finally
        {
            foreach (var id in new[] { deadId, liveId, unlabelledId })
            {
                await Engine.RemoveAsync(id);
            }
        }
    }

    [Test]
    public async Task RemoveSession_RemovesThatRunsContainersEvenWhileItsOwnerLives_AndNoOthers()
    {
        // Given a live run's container (interrupted while starting) and another live run's container
        var engine = await Engine.GetAsync();
        var starting = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var other = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var startingId = await CreateAsync(Labelled(starting));
        var otherId = await CreateAsync(Labelled(other));
        try
        {
            // When the interrupted run's containers are removed
            var removed = await new LeftoverSweeper(engine.Client).RemoveSessionAsync(starting.Id, CancellationToken.None);

            // Then its container is gone and the other run's is untouched
            removed.ShouldBe([startingId]);
            (await Engine.InspectAsync(startingId)).ShouldBeNull();
            (await Engine.InspectAsync(otherId)).ShouldNotBeNull();
        }
        finally
        {
            await Engine.RemoveAsync(startingId);
            await Engine.RemoveAsync(otherId);
        }
    }

    [Test]
    public void IsDeadRunLeftover_DecidesByHostPidAndStartTime()
    {
        // Given label sets of several owners
        var self = Engine.Run.Labels;
        var dead = DeadRun.Create().Labels;
        var reusedPid = RunSession.ForProcess(Environment.ProcessId, 1_000_000).Labels;
        var otherHost = new Dictionary<string, string>(dead) { [SessionLabels.Host] = "another-host" };
        var noPid = new Dictionary<string, string>(dead);
        noPid.Remove(SessionLabels.Pid);

        // When each is judged, Then only dead owners on this host count (a reused pid with another start time is dead)
        LeftoverSweeper.IsDeadRunLeftover(dead, "current").ShouldBeTrue();
        LeftoverSweeper.IsDeadRunLeftover(reusedPid, "current").ShouldBeTrue();
        LeftoverSweeper.IsDeadRunLeftover(self, "current").ShouldBeFalse();
        LeftoverSweeper.IsDeadRunLeftover(dead, dead[SessionLabels.Session]).ShouldBeFalse();
        LeftoverSweeper.IsDeadRunLeftover(otherHost, "current").ShouldBeFalse();
        LeftoverSweeper.IsDeadRunLeftover(noPid, "current").ShouldBeFalse();
        LeftoverSweeper.IsDeadRunLeftover(new Dictionary<string, string>(dead) { [SessionLabels.Kept] = "true" }, "current").ShouldBeFalse();
    }

    private static Dictionary<string, string> Labelled(RunSession session) =>
        new(session.Labels) { ["conformancekit.test/owner"] = Engine.Run.Id };

    private static async Task<string> CreateAsync(IReadOnlyDictionary<string, string> labels)
    {
        var engine = await Engine.GetAsync();
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = Engine.Image,
            Cmd = ["sleep", "300"],
            Labels = new Dictionary<string, string>(labels),
        });
        return created.ID;
    }
}
