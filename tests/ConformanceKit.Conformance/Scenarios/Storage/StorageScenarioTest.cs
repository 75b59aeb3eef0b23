using ConformanceKit.Fixtures.Session;
using ConformanceKit.Scenarios.Checks;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Steps;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// A storage scenario run on one storage class (the fixture argument): its sets use that class, its latency samples
/// are kept per class (and checked against the run's p95 gates), and after the test its claims are deleted and the
/// Retained volumes they leave (provisioned for this test's namespace, reclaimPolicy Retain) are handed to their provisioner for deletion.
/// </summary>
[Category(StorageClassFixtures.Category)]
public abstract class StorageScenarioTest(string storageClassArgument) : ScenarioTest
{
    private readonly List<LatencySample> samples = [];
    private StorageClassProfile? profile;

    /// <summary>The class this fixture runs on, as the server stores it.</summary>
    protected StorageClassProfile Profile => profile ?? throw new InvalidOperationException("The storage class is resolved in SetUp.");

    /// <summary>This test's latency samples so far.</summary>
    protected IReadOnlyList<LatencySample> Samples => samples;

    /// <inheritdoc />
    protected override StorageEvidence? StorageEvidence =>
        profile is null ? null : new(profile, [.. samples], LatencyGate.From(Options.MaxBindSeconds, Options.MaxReattachSeconds));

    /// <summary>PersistentVolume waits and cleanup.</summary>
    protected VolumeSteps Volumes => new(Client, StepTimeout);

    [SetUp]
    public async Task ResolveStorageClassAsync()
    {
        samples.Clear();
        var name = Options.StorageClasses.Count == 0 ? Session.Target.StorageClass : storageClassArgument;
        if (!Session.Target.StorageClasses.Contains(name))
        {
            Assert.Fail($"storage class '{name}' was not checked by the preflight (it checked: {string.Join(", ", Session.Target.StorageClasses)})");
        }

        var stored = await Client.GetAsync<V1StorageClass>(null, name, Cancellation)
            ?? throw new InvalidOperationException($"StorageClass '{name}' passed the preflight but cannot be read any more");
        profile = StorageClassProfile.From(stored);
        Note(profile.ToString());
        AddCleanup(ReleaseRunVolumesAsync);
    }

    /// <summary>A StatefulSet with a claim template on this fixture's class.</summary>
    protected StatefulSetParameters StorageSet(
        string name = "web", int replicas = 3, PodManagementPolicy policy = PodManagementPolicy.OrderedReady, StatefulSetVariant variant = StatefulSetVariant.WithStorage) =>
        SetParameters(name, variant, policy, replicas) with { StorageClassName = Profile.Name };

    /// <summary>How many samples each disruptive measurement takes on this class (<c>--samples</c>).</summary>
    protected int SampleCount => Options.Samples;

    /// <summary>Applies the set (and its headless Service), waits until its pods are Ready and its claims Bound; returns the pod names.</summary>
    protected async Task<IReadOnlyList<string>> CreateStorageSetAsync(StatefulSetParameters set)
    {
        await CreateSetAsync(set);
        await WaitStorageSetReadyAsync(set);
        return [.. Enumerable.Range(0, set.Replicas).Select(set.PodName)];
    }

    /// <summary>
    /// Waits until pods 0..replicas-1 are Ready and their claims Bound. When that does not come, a claim the class left
    /// Pending for want of a volume is the class's violation (<see cref="ClaimSupply"/>); any other cause stays a timeout.
    /// </summary>
    protected Task WaitStorageSetReadyAsync(StatefulSetParameters set)
    {
        var claims = Enumerable.Range(0, set.Replicas).Select(set.ClaimName).ToList();
        return WaitOrVerifyAsync(v => v.AllReady(set.Name, set.Replicas) && v.ClaimsBound(claims),
            $"all {set.Replicas} pods of {set.Name} Ready on Bound claims",
            () => ClaimSupply.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, Profile));
    }

    /// <summary>Waits until pod <paramref name="name"/> exists with another UID than <paramref name="oldUid"/> and is Ready.</summary>
    protected Task<NamespaceView> WaitReplacedAsync(string name, string? oldUid) =>
        Recorder.WaitUntilAsync(v => v.Pods.TryGetValue(name, out var p) && p.Metadata.Uid != oldUid && NamespaceView.IsReady(p),
            StepTimeout, $"{name} replaced and Ready", Cancellation);

    /// <summary>Keeps samples (this test's report record, merged per class into the run's Storage classes section) and notes their summaries.</summary>
    protected void Measure(params IEnumerable<LatencySample>[] measured)
    {
        var added = measured.SelectMany(m => m).ToList();
        samples.AddRange(added);
        foreach (var summary in LatencySummary.Of(added))
        {
            Note(summary.ToString());
        }
    }

    /// <summary>Bind and attach+mount of every claim and pod of the set so far.</summary>
    protected void MeasureBindAndAttach(StatefulSetParameters set)
    {
        var timeline = Recorder.BuildTimeline();
        Measure(BindLatency.Measure(timeline, Profile), AttachLatency.Measure(timeline, set.Name, Profile.Name));
    }

    /// <summary>
    /// Applies the run's gates to this test's samples. Under <see cref="LatencyGate.MinimumSamples"/> samples a gate is an
    /// error over a metric the test sampled on purpose (<paramref name="sampled"/>), else a note: the run's gate judges it.
    /// </summary>
    protected void VerifyLatencyGates(params StorageMetric[] sampled)
    {
        foreach (var gate in LatencyGate.From(Options.MaxBindSeconds, Options.MaxReattachSeconds).Where(g => samples.Any(s => g.Metrics.Contains(s.Metric))))
        {
            var verdict = gate.Judge(Profile.Name, samples);
            if (!verdict.TooFewSamples)
            {
                Verify(verdict.Result);
            }
            else if (gate.Metrics.Intersect(sampled).Any())
            {
                throw new InvalidOperationException($"{verdict.Result.Check}: {verdict.Result.Message}");
            }
            else
            {
                Note($"{verdict.Result.Check} not judged in this test ({verdict.Result.Message}); the run's gate judges all of the class's samples");
            }
        }
    }

    /// <summary>Writes each pod's data file and checks, from a listing, that each holds exactly its own.</summary>
    protected async Task<IReadOnlyDictionary<string, DataFile>> WriteDataAsync(IReadOnlyList<string> pods)
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        Recorder.MarkStep($"wrote {DataFile.DefaultSize} bytes of known content to {DataFile.Glob} in {string.Join(", ", pods)}");
        var written = new Dictionary<string, DataFile>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            var file = DataFile.For(pod, token);
            await Commands.RunAsync(pod, file.WriteCommand, Cancellation);
            written[pod] = file;
        }

        await VerifyDataAsync("after writing", written);
        return written;
    }

    /// <summary>Lists every pod's volume and checks the files and their sha256 (<see cref="DataIntegrity"/>).</summary>
    protected async Task VerifyDataAsync(string moment, IReadOnlyDictionary<string, DataFile> written, IEnumerable<string>? pods = null)
    {
        var listings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pod in pods ?? written.Keys)
        {
            listings[pod] = await Commands.RunAsync(pod, DataFile.ListCommand, Cancellation);
        }

        var expected = written.Where(kv => listings.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Verify(DataIntegrity.Check(moment, expected, listings));
    }
}
