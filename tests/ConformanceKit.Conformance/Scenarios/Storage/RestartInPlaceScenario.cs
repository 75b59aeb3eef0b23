using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// The container crashes (its main process is made to exit) and restarts in the same pod: the volume stays mounted and
/// the data intact. The exit is a SIGTERM sent to PID 1 from an exec (the workload image's server exits on it).
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class RestartInPlaceScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task ContainerCrash_RestartsInPlaceOnTheSameClaim_WithItsData()
    {
        // Given a Ready set of 3 on the class, each pod with its data file
        var set = StorageSet();
        var pods = await CreateStorageSetAsync(set);
        var written = await WriteDataAsync(pods);

        // When web-2's main process exits
        var victim = set.PodName(2);
        var before = Recorder.Current.Pods[victim];
        var restarts = before.Status?.ContainerStatuses?.Sum(c => c.RestartCount ?? 0) ?? 0;
        var crashedAt = Recorder.MarkStep($"made the main process of {victim} exit (kill -TERM 1)");
        try
        {
            _ = await Client.ExecAsync(Namespace, victim, null, ["sh", "-c", "kill -TERM 1"], Cancellation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The exec's session may end with the container it runs in: its answer is not the evidence, the pod's status is.
            Note($"the exec that stopped {victim} ended with {error.GetType().Name}: {error.Message}");
        }

        await Recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue(victim, out var p) && p.Metadata.Uid == before.Metadata.Uid && NamespaceView.IsReady(p)
                && p.Status?.ContainerStatuses?.Sum(c => c.RestartCount ?? 0) > restarts,
            StepTimeout, $"{victim} restarted in place and Ready", Cancellation);

        // Then the same pod restarted its container on its claim, and every file is intact
        var timeline = Recorder.BuildTimeline();
        Verify(RestartInPlace.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 2, crashedAt));
        await VerifyDataAsync($"after the container of {victim} restarted", written);

        // And (negative control) web-0, whose container never exited, did not restart
        VerifyControlFails(RestartInPlace.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 0, crashedAt), "never restarted a container");
        Measure(RestartInPlace.Measure(timeline, set.Name, Profile.Name, crashedAt));
        MeasureBindAndAttach(set);
        VerifyLatencyGates();
    }
}
