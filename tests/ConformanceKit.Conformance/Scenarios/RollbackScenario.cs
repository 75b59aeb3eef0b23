using ConformanceKit.Scenarios.Checks;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 12: reverting the template (REVISION v2 → v1) makes the controller reuse v1's ControllerRevision (same
/// name and hash, same UID, revision number bumped) and roll back in reverse ordinal order. Control: moving on to a
/// new template (v3) makes a new revision and must fail the rollback check.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class RollbackScenario : UpdateScenarioTest
{
    [Test]
    public async Task RevertingTheTemplate_ReusesTheEarlierRevision_AndRollsBackInReverseOrder()
    {
        // Given / When / Then
        var (timeline, updatedAt, revertedAt) = await UpdateThenApplyAsync("v1", "rolled back the template");
        Verify(Rollback.Check(timeline, "web", 3, updatedAt, revertedAt));
    }

    [Test]
    public async Task MovingOnToANewTemplate_MakesANewRevision_AndFailsTheRollbackCheck()
    {
        // Given / When / Then
        var (timeline, updatedAt, movedAt) = await UpdateThenApplyAsync("v3", "moved on to a third template");
        VerifyControlFails(Rollback.Check(timeline, "web", 3, updatedAt, movedAt), "the earlier ControllerRevision was not reused");
    }

    // Given a Ready set of 3 at v1, updated to v2 and rolled out; when its REVISION becomes `revision` and that rolls out
    // too (and the recorder has seen every ControllerRevision as the server lists it), the timeline and both step times.
    private async Task<(ConformanceKit.Scenarios.Timeline.Timeline Timeline, DateTimeOffset UpdatedAt, DateTimeOffset AppliedAt)> UpdateThenApplyAsync(
        string revision, string what)
    {
        var set = UpdatableSet(null);
        await CreateReadyAsync(set);
        var (updatedAt, updated) = await ChangeTemplateAsync(set);
        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, updated, Cancellation);
        var (appliedAt, applied) = await ReapplyAsync(set with { Revision = revision }, what);
        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, applied, Cancellation);
        await Updates.WaitRevisionsRecordedAsync(Cancellation);
        return (Recorder.BuildTimeline(), updatedAt, appliedAt);
    }
}
