using ConformanceKit.Conformance.Infrastructure;
using ConformanceKit.Fixtures.Existing;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Timeline;
using ConformanceKit.Scenarios.Workload;
using k8s.Models;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Workload;

/// <summary>
/// A scenario on the user's own StatefulSet (<c>./run-tests.sh workload --workload-manifest FILE</c>): the files are
/// prepared once per run (ck workload validate has already refused bad input; a problem left is an error here), each
/// test judges its promise from the manifest first (a skip with the verdict's reason, or a violation naming the setting),
/// then applies the documents into its own namespace, notes every change in the report and waits for the workload's
/// own readiness. When a set with claim templates does not get there in time, a class that could not supply its claims
/// is the violation (<see cref="WorkloadClaimSupply"/>); anything else stays the timeout error.
/// </summary>
public abstract partial class WorkloadScenarioTest : ScenarioTest
{
    /// <summary>The NUnit category of the workload scenarios (what <c>./run-tests.sh workload</c> runs, and nothing else does).</summary>
    public const string Category = "Workload";

    private static readonly Lazy<WorkloadPlan> Prepared = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    // Once per run, also on the ephemeral cluster (run-tests.sh's preflight checks only an existing one): kinds served,
    // claim classes present. A problem fails every workload test with the same one line, at once.
    private static readonly Lazy<Task<string>> ClusterChecked = new(
        () => WorkloadPreflight.CheckAsync(ConformanceRun.Session.Client, ConformanceRun.Session.Options, ConformanceRun.Session.Interrupted),
        LazyThreadSafetyMode.ExecutionAndPublication);
    private RewrittenWorkload? applied;

    /// <summary>The user's workload, checked and judged once per run.</summary>
    protected static WorkloadPlan Plan => Prepared.Value;

    /// <summary>The user's set as the scenarios read it.</summary>
    protected static WorkloadShape Shape => WorkloadShape.Of(Plan.Workload.StatefulSet);

    /// <summary>The documents as this test applied them.</summary>
    protected RewrittenWorkload Applied => applied ?? throw new InvalidOperationException("The workload is applied by DeployAsync.");

    /// <summary>Commands run in the user's pods.</summary>
    protected WorkloadCommands InPods => new(Client, Recorder);

    /// <summary>Update steps (the rollout restart and its waits).</summary>
    protected UpdateSteps Updates => new(Client, Recorder, StepTimeout);

    [SetUp]
    public void RequireWorkload()
    {
        if (Options.WorkloadManifests.Count == 0)
        {
            Assert.Ignore("no workload given: run ./run-tests.sh workload --workload-manifest FILE (CK_WORKLOAD_MANIFEST) to check your StatefulSet");
        }
    }

    /// <summary>
    /// The promise's verdict, noted in the report; a skip ends the test here with its reason, and so does a violation
    /// whose evidence the run cannot show (<see cref="PromiseGate.UpFront"/>: its waits would never be met).
    /// </summary>
    protected PromiseVerdict Promise(string promise)
    {
        var verdict = PromiseGate.Decide(Plan.Verdicts, Plan.Workload.StatefulSet, promise);
        Note(verdict.ToString());
        if (verdict.Outcome == PromiseOutcome.Skip)
        {
            Assert.Ignore($"{promise}: {verdict.Reason}");
        }

        if (PromiseGate.UpFront(verdict, Plan.Workload.StatefulSet) is { } violation)
        {
            Verify(violation);
        }

        return verdict;
    }

    /// <summary>A violation verdict fails the test as a violation naming the setting, before anything is applied.</summary>
    protected void FailIfViolated(PromiseVerdict verdict)
    {
        if (verdict.Outcome == PromiseOutcome.Violation)
        {
            Verify(PromiseGate.Violation(verdict));
        }
    }

    /// <summary>Applies the documents into this test's namespace (every change noted) and waits until every pod is Ready by the workload's own readiness.</summary>
    protected async Task<NamespaceView> DeployAsync()
    {
        applied = Plan.RewriteFor(Namespace, Session.Run.Labels);
        foreach (var change in ChangeLines.Of(applied.Changes))
        {
            Note($"changed {change}");
        }

        foreach (var line in applied.Omitted.Concat(applied.References.Select(r => $"left as written: {r}")))
        {
            Note(line);
        }

        // Not refused (an operator among the documents may make them), but a pod that needs one ends the wait with its line.
        foreach (var reference in Plan.MissingReferences)
        {
            Note($"warning: {reference}");
        }

        Note(PromiseGate.Decide(Plan.Verdicts, Plan.Workload.StatefulSet, WorkloadPromises.Readiness).ToString());
        if (Shape.Templates.Count > 0)
        {
            // Registered before the apply: a Retain class must not keep the volumes of a test that failed half-way.
            AddCleanup(ReleaseRunVolumesAsync);
        }

        Note(await ClusterChecked.Value);
        await Steps.ApplyWorkloadAsync(Plan, applied, Cancellation);
        return await WaitJudgingClaimsAsync(v => v.AllReady(Shape.Name, Shape.Replicas), $"all {Shape.Replicas} pods of {Shape.Name} Ready");
    }

    /// <summary>Deploys the workload and waits until every claim of its pods is Bound.</summary>
    protected async Task DeployWithClaimsAsync()
    {
        await DeployAsync();
        await WaitJudgingClaimsAsync(v => v.ClaimsBound(Shape.ClaimNames), $"PVCs {string.Join(", ", Shape.ClaimNames)} Bound");
    }

    /// <summary>Waits; for a set with claim templates a timeout first verifies the claims' supply (per template, on the class its claims get).</summary>
    private async Task<NamespaceView> WaitJudgingClaimsAsync(Func<NamespaceView, bool> condition, string description) =>
        Shape.Templates.Count == 0
            ? await Recorder.WaitUntilAsync(condition, StepTimeout, description, Cancellation)
            : await WaitOrVerifyAsync(condition, description,
                async () => WorkloadClaimSupply.Check(Recorder.BuildTimeline(), Plan.Workload.StatefulSet, await ReadStorageClassesAsync()));

    /// <summary>The cluster's classes, or null (noted) when this user may not read them: the claims' events then give the binding mode.</summary>
    private async Task<IReadOnlyList<V1StorageClass>?> ReadStorageClassesAsync()
    {
        try
        {
            return (await Client.ListAsync<V1StorageClass>(null, null, Cancellation)).Items;
        }
        catch (KubeApiException error)
        {
            Note($"storage classes not readable ({error.Message}): the claims' binding mode is read from their events");
            return null;
        }
    }

    /// <summary>Scales the set to 0, waits until its pods are gone, scales it back and waits until every pod is Ready again.</summary>
    protected async Task<(DateTimeOffset DownAt, DateTimeOffset UpAt)> ScaleToZeroAndBackAsync()
    {
        var downAt = await Steps.ScaleAsync(Shape.Name, 0, Cancellation);
        await Steps.WaitNoPodsAsync(Shape.Name, Cancellation);
        var upAt = await Steps.ScaleAsync(Shape.Name, Shape.Replicas, Cancellation);
        await Steps.WaitAllReadyAsync(Shape.Name, Shape.Replicas, Cancellation);
        return (downAt, upAt);
    }

    /// <summary>Applies the StatefulSet's document alone again, as this test first applied it (after the set was deleted).</summary>
    protected Task<DateTimeOffset> RecreateSetAsync() =>
        Steps.ApplyAsync(RewrittenWorkload.YamlOf(Applied.Documents.Single(d => d.Kind == "StatefulSet" && d.Name == Shape.Name)),
            $"re-created statefulset {Shape.Name} from the same document", Cancellation);

    /// <summary>Deletes every pod of the set at once (by its selector, else one by one) and waits until all are replaced and Ready.</summary>
    protected async Task<(DateTimeOffset DeletedAt, NamespaceView After)> ReplaceAllPodsAsync()
    {
        var oldUids = Recorder.Current.PodsOf(Shape.Name).Values.Select(p => p.Metadata.Uid).ToHashSet();
        DateTimeOffset deletedAt;
        if (Shape.PodSelector is { } selector)
        {
            deletedAt = await Steps.DeletePodsAsync(selector, Cancellation);
        }
        else
        {
            deletedAt = Recorder.MarkStep($"deleting every pod of {Shape.Name}");
            foreach (var pod in Shape.PodNames)
            {
                await Steps.DeletePodAsync(pod, Cancellation);
            }
        }

        var after = await Recorder.WaitUntilAsync(
            v => v.AllReady(Shape.Name, Shape.Replicas) && v.PodsOf(Shape.Name).Values.All(p => !oldUids.Contains(p.Metadata.Uid)),
            StepTimeout, $"every pod of {Shape.Name} replaced and Ready", Cancellation);
        return (deletedAt, after);
    }

    /// <summary>The set's live pods in the timeline (the probe pod and other workloads' pods left out).</summary>
    protected IReadOnlyList<PodHistory> LivePods() =>
        [.. Recorder.BuildTimeline().PodsOf(Shape.Name).Where(p => p.Gone is null)];

    /// <summary>Only the set's own pods (named set-ordinal): the probe pod and the pods of other documents are not the set's.</summary>
    protected static bool IsSetPod(PodHistory pod) => PodHistory.ParseOrdinal(pod.Name, Shape.Name) is not null;

    /// <summary>The user's headless Service, as the manifest declares it.</summary>
    protected static V1Service Service => Plan.Workload.Service;

    private static WorkloadPlan Prepare()
    {
        var options = ConformanceRun.Session.Options;
        return WorkloadPlan.Prepare(options.WorkloadManifests, options.WorkloadName, options.WorkloadImageMap, ConformanceRun.Session.Run.Labels);
    }
}
