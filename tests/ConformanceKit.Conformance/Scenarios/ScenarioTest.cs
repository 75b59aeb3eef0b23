using System.Diagnostics;
using ConformanceKit.Conformance.Infrastructure;
using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Report;
using ConformanceKit.Scenarios.Steps;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace ConformanceKit.Conformance.Scenarios;

/// <summary>
/// A scenario: records its namespace from before it acts, checks record their results, the report (SVG timeline,
/// checks, reaction times) is written after every test, and a failed test gets the evidence as attachments.
/// </summary>
public abstract partial class ScenarioTest : ConformanceTest
{
    private static readonly TimeSpan MinimumStepTimeout = TimeSpan.FromMinutes(3);
    private readonly List<CheckResult> checks = [];
    private readonly List<string> notes = [];
    private CheckResult? violation;
    private ScenarioRecorder? recorder;
    private ConformanceKit.Scenarios.Timeline.Timeline? finalTimeline;
    private Stopwatch? wall;

    /// <summary>The recorder of this test's namespace.</summary>
    protected ScenarioRecorder Recorder => recorder ?? throw new InvalidOperationException("The recorder runs only during a test.");

    /// <summary>
    /// How long one step may wait (pods Ready, pods gone, claims Bound): 3 minutes, or half the test's timeout when
    /// that is longer, so a slow cloud cluster (volume attach, image pulls) is given room by raising TestTimeout alone.
    /// </summary>
    protected TimeSpan StepTimeout => Options.TestTimeout / 2 > MinimumStepTimeout ? Options.TestTimeout / 2 : MinimumStepTimeout;

    /// <summary>Cluster actions with event-driven waits.</summary>
    protected WorkloadSteps Steps => new(Client, Recorder, StepTimeout);

    /// <summary>Commands run in pods.</summary>
    protected PodCommands Commands => new(Client, Recorder);

    /// <summary>Renders the manifests of manifests/.</summary>
    protected static ManifestRenderer Manifests => ManifestRenderer.Default;

    /// <summary>The session label every object this run creates carries.</summary>
    protected IReadOnlyDictionary<string, string> RunLabels => new Dictionary<string, string> { [SessionLabels.Session] = Session.Run.Id };

    [SetUp]
    public async Task StartRecorderAsync()
    {
        // One fixture instance runs all of its tests: a test's report must not carry the previous test's checks.
        checks.Clear();
        notes.Clear();
        violation = null;
        finalTimeline = null;
        recorder = await ScenarioRecorder.StartAsync(Client, Namespace, null, Cancellation);
        wall = Stopwatch.StartNew();
    }

    [TearDown]
    public async Task WriteReportAsync()
    {
        if (recorder is null)
        {
            return;
        }

        try
        {
            WriteReport(recorder);
        }
        finally
        {
            // Always stop the watches, even when the report could not be written.
            await recorder.DisposeAsync();
            recorder = null;
        }
    }

    /// <summary>What a storage scenario measured on its class, for the report; null for the other scenarios.</summary>
    protected virtual ConformanceKit.Scenarios.Storage.StorageEvidence? StorageEvidence => null;

    /// <summary>Attaches the timeline, events, pod and PVC states and container logs to the failed test.</summary>
    protected override async Task OnTestFailedAsync(CancellationToken ct)
    {
        var name = $"{GetType().Name}.{TestContext.CurrentContext.Test.Name}";
        var directory = Path.Combine(ScenarioArtifacts.Directory, "evidence", name);
        var files = await EvidenceCollector.CollectAsync(Client, Namespace, finalTimeline, directory, ct);
        foreach (var file in files)
        {
            TestContext.AddTestAttachment(file, $"{name}: {Path.GetFileNameWithoutExtension(file)}");
        }
    }

    /// <summary>Records a check and asserts that it passed.</summary>
    protected CheckResult Verify(CheckResult result)
    {
        checks.Add(result);
        violation ??= result.Passed ? null : result;
        return result.ShouldPass();
    }

    /// <summary>Records a negative control and asserts that the check failed (message containing the fragments).</summary>
    protected CheckResult VerifyControlFails(CheckResult result, params string[] fragments)
    {
        checks.Add(result.AsControl());
        return result.ShouldFail(fragments);
    }

    /// <summary>
    /// Waits for <paramref name="condition"/>; when it does not come in time, the cluster broke the promise the check
    /// judges: the check (which then fails with the reason) is verified instead of reporting a bare timeout.
    /// </summary>
    protected Task<NamespaceView> WaitOrVerifyAsync(Func<NamespaceView, bool> condition, string description, Func<CheckResult> check) =>
        WaitOrVerifyAsync(condition, description, () => Task.FromResult<IReadOnlyList<CheckResult>>([check()]));

    /// <summary>As above with several checks, gathered (e.g. from the cluster) only once the wait timed out; the first failed one is the violation.</summary>
    protected async Task<NamespaceView> WaitOrVerifyAsync(Func<NamespaceView, bool> condition, string description, Func<Task<IReadOnlyList<CheckResult>>> checks)
    {
        try
        {
            return await Recorder.WaitUntilAsync(condition, StepTimeout, description, Cancellation);
        }
        catch (TimeoutException)
        {
            foreach (var result in await checks())
            {
                Verify(result);
            }

            throw;
        }
    }

    /// <summary>Adds a line to the scenario's report.</summary>
    protected void Note(string note)
    {
        notes.Add(note);
        TestContext.Progress.WriteLine(note);
    }

    private void WriteReport(ScenarioRecorder recorder)
    {
        finalTimeline = recorder.BuildTimeline();
        var test = TestContext.CurrentContext.Test;
        var result = TestContext.CurrentContext.Result;
        var outcome = result.Outcome.Status switch
        {
            TestStatus.Failed => ScenarioResult.Failed,
            TestStatus.Skipped or TestStatus.Inconclusive => ScenarioResult.Skipped,
            _ => ScenarioResult.Passed,
        };
        var report = new ScenarioReport(
            // The full name without the namespace: parametrized fixtures (one per storage class) keep their arguments.
            test.FullName.StartsWith(GetType().Namespace + ".", StringComparison.Ordinal) ? test.FullName[(GetType().Namespace!.Length + 1)..] : test.FullName,
            outcome,
            wall?.Elapsed ?? TimeSpan.Zero,
            [.. recorder.Waits.Select(w => w.Reaction)],
            finalTimeline,
            [.. checks],
            [.. notes, .. recorder.Waits.Select(w => $"waited {w.Elapsed.TotalSeconds:0.000} s for {w.Description} (reaction {w.Reaction.TotalMilliseconds:0} ms)")])
        {
            ClassName = test.FullName.EndsWith("." + test.Name, StringComparison.Ordinal) ? test.FullName[..^(test.Name.Length + 1)] : test.ClassName,
            TestName = test.Name,
            // A failed check is a violation whatever exception carried it; anything else is classified by its message.
            Failure = outcome != ScenarioResult.Failed ? null
                : violation is { } v ? new TestFailure(FailureKind.Violation, $"{v.Check}: {v.Message}")
                : FailureClassifier.Classify(result.Message),
            SkipReason = outcome == ScenarioResult.Skipped ? result.Message : null,
            Storage = StorageEvidence,
        };
        var svg = ScenarioArtifacts.Write(report);
        TestContext.Progress.WriteLine($"{report.Name}: {report.Result}{(report.Failure is { } f ? $" ({f.Kind}: {f.Reason})" : "")}, timeline {svg}");
    }
}
