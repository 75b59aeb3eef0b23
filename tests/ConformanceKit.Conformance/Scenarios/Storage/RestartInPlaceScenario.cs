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
        var restarts = before.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0;
        var crashedAt = Recorder.MarkStep($"made the main process of {victim} exit (kill -TERM 1)");
        var answer = await StopMainProcessAsync(victim);
        await Recorder.WaitUntilAsync(
            v => v.Pods.TryGetValue(victim, out var p) && p.Metadata.Uid == before.Metadata.Uid && NamespaceView.IsReady(p)
                && p.Status?.ContainerStatuses?.Sum(c => c.RestartCount) > restarts,
            StepTimeout,
            $"{victim} restarted in place and Ready after kill -TERM 1 ({answer}; as PID 1 a main process without a SIGTERM handler ignores it: " +
            "the --workload-image's server must exit on SIGTERM)",
            Cancellation);

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

    /// <summary>
    /// Sends SIGTERM to the container's PID 1; returns the exec's answer in words. The exec may end with the container it
    /// runs in (its shell killed, its stream cut), so the answer is not the evidence, the pod's status is: it is kept
    /// for the message of a wait that times out.
    /// </summary>
    private async Task<string> StopMainProcessAsync(string pod)
    {
        string answer;
        try
        {
            var result = await Client.ExecAsync(Namespace, pod, null, ["sh", "-c", "kill -TERM 1"], Cancellation);
            var stderr = result.Stderr.Trim();
            answer = $"the exec exited {result.ExitCode}{(stderr.Length == 0 ? "" : ": " + stderr)}";
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            answer = $"the exec ended with {error.GetType().Name}: {error.Message}";
        }

        Note($"kill -TERM 1 in {pod}: {answer}");
        return answer;
    }
}
