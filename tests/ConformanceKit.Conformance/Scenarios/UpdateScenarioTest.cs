using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// An update scenario: its recorder also watches the namespace's StatefulSets and ControllerRevisions (the set's
/// status revisions and each revision's number go into the timeline), and it changes templates by re-applying the
/// same manifest with another REVISION (v1.26 lets an update change only the template, replicas, updateStrategy,
/// the retention policy and minReadySeconds of a stored set).
/// </summary>
public abstract class UpdateScenarioTest : ScenarioTest
{
    /// <summary>Update actions and waits on the set's status and the pods' revisions.</summary>
    protected UpdateSteps Updates => new(Client, Recorder, StepTimeout);

    [SetUp]
    public Task WatchWorkloadsAsync() => Recorder.WatchWorkloadsAsync(Client, Cancellation);

    /// <summary>A set of 3 from <paramref name="variant"/> with <paramref name="strategy"/> (null: the template's).</summary>
    protected StatefulSetParameters UpdatableSet(UpdateStrategyParameters? strategy, StatefulSetVariant variant = StatefulSetVariant.Updatable) =>
        SetParameters("web", variant) with { UpdateStrategy = strategy };

    /// <summary>Re-applies the set with <paramref name="set"/>'s REVISION and strategy; returns the step's time and the new generation.</summary>
    protected Task<(DateTimeOffset At, long Generation)> ReapplyAsync(StatefulSetParameters set, string what) =>
        Updates.ApplyAsync(Manifests.Render(set), $"{what} (REVISION={set.Revision})", Cancellation);

    /// <summary>Applies the headless Service and the set, waits until all its pods are Ready, and returns their UIDs by ordinal.</summary>
    protected async Task<IReadOnlyDictionary<int, string?>> CreateReadyAsync(StatefulSetParameters set)
    {
        await CreateSetAsync(set);
        return Uids(await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation), set.Name);
    }

    /// <summary>Changes the set's template: the same manifest with REVISION <paramref name="revision"/>.</summary>
    protected Task<(DateTimeOffset At, long Generation)> ChangeTemplateAsync(StatefulSetParameters set, string revision = "v2") =>
        ReapplyAsync(set with { Revision = revision }, "changed the template");

    /// <summary>The UID of each pod of the set now, by ordinal.</summary>
    protected IReadOnlyDictionary<int, string?> Uids(NamespaceView view, string setName) =>
        view.PodsOf(setName).ToDictionary(p => p.Key, p => (string?)p.Value.Metadata.Uid);
}
