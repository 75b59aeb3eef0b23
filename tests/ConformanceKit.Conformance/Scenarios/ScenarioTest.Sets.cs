using ConformanceKit.Conformance.Infrastructure;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Steps;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>The scenarios' own StatefulSets: their parameters, their apply, and the release of their volumes.</summary>
public abstract partial class ScenarioTest
{
    /// <summary>Parameters of a StatefulSet in this test's namespace, with the run's image, class and labels.</summary>
    protected StatefulSetParameters SetParameters(
        string name, StatefulSetVariant variant, PodManagementPolicy policy = PodManagementPolicy.OrderedReady, int replicas = 3) => new()
        {
            Name = name,
            Namespace = Namespace,
            Image = Options.WorkloadImage,
            Variant = variant,
            PodManagementPolicy = policy,
            Replicas = replicas,
            StorageClassName = Options.StorageClass,
            Labels = RunLabels,
        };

    /// <summary>Applies the headless Service and the StatefulSet together; returns when the step was marked.</summary>
    protected Task<DateTimeOffset> CreateSetAsync(StatefulSetParameters set) =>
        Steps.ApplyAsync(
            ManifestRenderer.Combine(
                Manifests.Render(new ServiceParameters { Name = set.EffectiveServiceName, Namespace = Namespace, App = set.Name, Labels = RunLabels }),
                Manifests.Render(set)),
            $"applied service+statefulset {set.Name} replicas={set.Replicas} {set.PodManagementPolicy}",
            Cancellation);

    /// <summary>
    /// A cleanup for tests whose sets have claims: before the namespace goes with its claims, deletes the run's sets
    /// (first, so no controller makes a claim after the volumes are listed) and hands the Retained volumes provisioned
    /// for this namespace back to their provisioner (<see cref="VolumeSteps.HandBackRetainedAsync"/>), so that a Retain
    /// class leaves no volume or disk of the run behind. A namespace kept for inspection keeps its claims and volumes.
    /// </summary>
    protected Task ReleaseRunVolumesAsync(CancellationToken ct) =>
        RunVolumes.ReleaseAsync(Session, Namespace, StepTimeout, TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed, ct);

    /// <summary>Applies the StatefulSet alone (e.g. to re-create it); returns when the step was marked.</summary>
    protected Task<DateTimeOffset> ApplySetAsync(StatefulSetParameters set) =>
        Steps.ApplyAsync(Manifests.Render(set), $"applied statefulset {set.Name} replicas={set.Replicas}", Cancellation);
}
