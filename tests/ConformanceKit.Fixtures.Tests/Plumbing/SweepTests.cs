using ConformanceKit.Docker;
using ConformanceKit.Fixtures.Session;

namespace ConformanceKit.Fixtures.Tests.Plumbing;

/// <summary>Plumbing: the leftover sweep removes dead runs' containers only.</summary>
public sealed class SweepTests
{
    [Test]
    public async Task Sweep_RemovesDeadRunsContainer_LeavesLiveRunsAndUnlabelledOnes()
    {
        // Given a container of a dead run, one of a live run (this process) and an unlabelled one
        var docker = await Engine.GetAsync();
        var dead = DeadRun.Create();
        var live = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var deadId = await CreateAsync(docker, Labelled(dead));
        var liveId = await CreateAsync(docker, Labelled(live));
        var unlabelledId = await CreateAsync(docker, new Dictionary<string, string> { ["conformancekit.test/unlabelled"] = Engine.Run.Id });
        try
        {
            // When a new run sweeps
            var removed = await new LeftoverSweeper(docker).SweepAsync(Engine.Run.Id, CancellationToken.None);

            // Then only the dead run's container is gone
            removed.ShouldContain(deadId);
            removed.ShouldNotContain(liveId);
            removed.ShouldNotContain(unlabelledId);
            (await docker.InspectContainerAsync(deadId)).ShouldBeNull();
            (await docker.InspectContainerAsync(liveId)).ShouldNotBeNull();
            (await docker.InspectContainerAsync(unlabelledId)).ShouldNotBeNull();
        }
        finally
        {
            foreach (var id in new[] { deadId, liveId, unlabelledId })
            {
                await docker.RemoveContainerAsync(id);
            }
        }
    }

    [Test]
    public async Task RemoveSession_RemovesThatRunsContainersEvenWhileItsOwnerLives_AndNoOthers()
    {
        // Given a live run's container (interrupted while starting) and another live run's container
        var docker = await Engine.GetAsync();
        var starting = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var other = RunSession.ForProcess(Environment.ProcessId, Engine.Run.ProcessStart);
        var startingId = await CreateAsync(docker, Labelled(starting));
        var otherId = await CreateAsync(docker, Labelled(other));
        try
        {
            // When the interrupted run's containers are removed
            var removed = await new LeftoverSweeper(docker).RemoveSessionAsync(starting.Id, CancellationToken.None);

            // Then its container is gone and the other run's is untouched
            removed.ShouldBe([startingId]);
            (await docker.InspectContainerAsync(startingId)).ShouldBeNull();
            (await docker.InspectContainerAsync(otherId)).ShouldNotBeNull();
        }
        finally
        {
            await docker.RemoveContainerAsync(startingId);
            await docker.RemoveContainerAsync(otherId);
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

    private static async Task<string> CreateAsync(DockerClient docker, IReadOnlyDictionary<string, string> labels) =>
        await docker.CreateContainerAsync(new ContainerSpec(Engine.Image) { Cmd = ["sleep", "300"], Labels = labels });
}
