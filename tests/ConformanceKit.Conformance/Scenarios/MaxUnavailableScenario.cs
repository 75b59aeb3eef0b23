using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using NUnit.Framework;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// Scenario 13: rollingUpdate.maxUnavailable (alpha gate MaxUnavailableStatefulSet since v1.24, off by default): when
/// the server stores the field, at most that many pods are unavailable at once during an update; when it drops the
/// field the test is skipped saying so. Control: the same roll judged against a limit of 1 must fail, which shows the
/// controller acted on the field (skipped, saying so, when the controller's gate is off and it rolled one at a time).
/// The set uses the Parallel policy: OrderedReady still creates pods one at a time, which may hide the field's effect.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class MaxUnavailableScenario : UpdateScenarioTest
{
    private const int Limit = 2;

    [Test]
    public async Task MaxUnavailableTwo_KeepsAtMostTwoPodsUnavailableDuringTheUpdate()
    {
        // Given / When / Then
        var (timeline, changedAt) = await RollWithMaxUnavailableAsync();
        Verify(MaxUnavailable.Check(timeline, "web", 3, Limit, changedAt));
    }

    [Test]
    public async Task MaxUnavailableTwo_TakesTwoPodsDownAtOnce_AndFailsALimitOfOne()
    {
        // Given / When
        var (timeline, changedAt) = await RollWithMaxUnavailableAsync();
        var strict = MaxUnavailable.Check(timeline, "web", 3, 1, changedAt);
        if (strict.Passed)
        {
            Assert.Ignore($"the API server stored maxUnavailable {Limit} but the controller replaced pods one at a time: kube-controller-manager's " +
                $"MaxUnavailableStatefulSet feature gate is off ({strict.Message})");
        }

        // Then
        VerifyControlFails(strict, "pods of web were unavailable at once", "more than maxUnavailable 1");
    }

    // Given a Ready Parallel set of 3 at v1 with maxUnavailable 2 as the server stored it (skipped when it dropped the field);
    // when its template changes to v2 and the rollout completes: the timeline and when the template changed.
    private async Task<(ConformanceKit.Scenarios.Timeline.Timeline Timeline, DateTimeOffset ChangedAt)> RollWithMaxUnavailableAsync()
    {
        var set = UpdatableSet(UpdateStrategyParameters.RollingUpdate(maxUnavailable: Limit)) with { PodManagementPolicy = PodManagementPolicy.Parallel };
        await CreateSetAsync(set);
        var stored = await Client.GetAsync<V1StatefulSet>(Namespace, set.Name, Cancellation);
        var kept = stored?.Spec?.UpdateStrategy?.RollingUpdate?.MaxUnavailable;
        if (kept is null)
        {
            Assert.Ignore("the server dropped spec.updateStrategy.rollingUpdate.maxUnavailable: its MaxUnavailableStatefulSet feature gate " +
                $"(alpha since v1.24, off by default) is off on this {ServerVersion.GitVersion} server");
        }

        Note($"the server stored maxUnavailable {kept}");
        await Steps.WaitAllReadyAsync(set.Name, set.Replicas, Cancellation);
        var (changedAt, generation) = await ChangeTemplateAsync(set);
        await Updates.WaitRolledOutAsync(set.Name, set.Replicas, generation, Cancellation);
        return (Recorder.BuildTimeline(), changedAt);
    }
}
