using ConformanceKit.Scenarios.Kubernetes;
using ConformanceKit.Scenarios.Manifests;
using ConformanceKit.Scenarios.Recording;
using ConformanceKit.Scenarios.Storage;
using NUnit.Framework;

namespace ConformanceKit.Conformance.Scenarios.Storage;

/// <summary>
/// A container killed from outside restarts in the same pod: the volume stays mounted and the data intact. The kill
/// does not depend on how the image's PID 1 handles signals: the pods carry an exec liveness probe
/// (<c>statefulset-restart.yaml</c>) that the test trips by creating a file; the kubelet then kills the container
/// (SIGTERM, SIGKILL after 1 s) and starts a new one. Each of <c>--samples</c> pods is tripped once, all at once (a
/// second restart of one container would wait out the kubelet's back-off); web-0 is never tripped (the control).
/// </summary>
[TestFixtureSource(typeof(StorageClassFixtures), nameof(StorageClassFixtures.Classes), Category = StorageClassFixtures.Category)]
[Parallelizable(ParallelScope.Self)]
public sealed class RestartInPlaceScenario(string storageClass) : StorageScenarioTest(storageClass)
{
    [Test]
    public async Task LivenessKill_RestartsTheContainerInPlaceOnTheSameClaim_WithItsData()
    {
        // Given a Ready set of N + 1 on the class (Parallel), each pod with its data file, the probe's tool in the image
        var set = StorageSet(replicas: SampleCount + 1, policy: PodManagementPolicy.Parallel, variant: StatefulSetVariant.RestartableStorage);
        var pods = await CreateRestartSetAsync(set);
        var written = await WriteDataAsync(pods);
        var victims = Enumerable.Range(1, SampleCount).ToList();
        var before = victims.ToDictionary(i => i, i => (Recorder.Current.Pods[set.PodName(i)].Metadata.Uid, Restarts: RestartCount(Recorder.Current, set.PodName(i))));

        // When the liveness probe of web-1..web-N is tripped (the file it tests for is created by exec)
        var trippedAt = Recorder.MarkStep($"tripped the liveness probe of {string.Join(", ", victims.Select(set.PodName))} ({string.Join(' ', LivenessTrip.TripCommand)})");
        var answers = await Task.WhenAll(victims.Select(i => TripAsync(set.PodName(i))));
        await Recorder.WaitUntilAsync(
            v => victims.All(i => v.Pods.TryGetValue(set.PodName(i), out var p) && p.Metadata.Uid == before[i].Uid && NamespaceView.IsReady(p)
                && RestartCount(v, set.PodName(i)) > before[i].Restarts),
            StepTimeout,
            $"{SampleCount} pods restarted in place and Ready after their liveness probe was tripped ({string.Join("; ", answers)})",
            Cancellation);
        var until = Recorder.MarkStep("every tripped pod restarted in place and Ready again");

        // Then each tripped pod restarted its container in place (same UID, restartCount + 1, new container) on its claim
        var timeline = Recorder.BuildTimeline();
        foreach (var i in victims)
        {
            Verify(RestartInPlace.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, i, trippedAt, until));
        }

        // And every file is intact, each pod holding only its own
        await VerifyDataAsync("after the liveness kills and restarts in place", written);

        // And (negative control) web-0, whose probe was never tripped, did not restart
        VerifyControlFails(RestartInPlace.Check(timeline, ManifestRenderer.ClaimTemplateName, set.Name, 0, trippedAt, until), "never restarted a container");
        Measure(RestartInPlace.Measure(timeline, set.Name, Profile.Name, trippedAt));
        Note("restart samples: observer's clock (ms) when the watch showed the old container terminated before the new one ran, else the kubelet's finishedAt → startedAt (whole seconds); each sample names its clock in summary.json");
        MeasureBindAndAttach(set);
        VerifyLatencyGates(StorageMetric.RestartInPlace);
    }

    /// <summary>
    /// Applies the set and waits until it is Ready on Bound claims; a kubelet event saying the liveness probe's tool is
    /// missing from the image ends the wait at once and skips the test with that reason.
    /// </summary>
    private async Task<IReadOnlyList<string>> CreateRestartSetAsync(StatefulSetParameters set)
    {
        await CreateSetAsync(set);
        var claims = Enumerable.Range(0, set.Replicas).Select(set.ClaimName).ToList();
        await WaitOrVerifyAsync(
            v => (v.AllReady(set.Name, set.Replicas) && v.ClaimsBound(claims)) || LivenessTrip.ProbeToolMissing(v.Timeline.Events, set.Name, set.Image) is not null,
            $"all {set.Replicas} pods of {set.Name} Ready on Bound claims",
            () => ClaimSupply.Check(Recorder.BuildTimeline(), ManifestRenderer.ClaimTemplateName, set.Name, set.Replicas, Profile));
        if (LivenessTrip.ProbeToolMissing(Recorder.BuildTimeline().Events, set.Name, set.Image) is { } reason)
        {
            Assert.Ignore(reason);
        }

        return [.. Enumerable.Range(0, set.Replicas).Select(set.PodName)];
    }

    /// <summary>
    /// Creates the probe's file in the pod; returns the exec's answer in words (kept for the message of a wait that
    /// times out: the pod's status, not the answer, is the evidence). A trip tool missing from the image skips the test.
    /// </summary>
    private async Task<string> TripAsync(string pod)
    {
        ExecResult result;
        try
        {
            result = await Client.ExecAsync(Namespace, pod, null, LivenessTrip.TripCommand, Cancellation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The kubelet may kill the container while the exec's stream is still open: the status will tell.
            return $"{pod}: the exec ended with {error.GetType().Name}: {error.Message}";
        }

        if (LivenessTrip.TripToolMissing(result, pod, Options.WorkloadImage) is { } reason)
        {
            Assert.Ignore(reason);
        }

        var stderr = result.Stderr.Trim();
        return $"{pod}: the exec exited {result.ExitCode}{(stderr.Length == 0 ? "" : ": " + stderr)}";
    }

    private static int RestartCount(NamespaceView view, string pod) =>
        view.Pods.TryGetValue(pod, out var p) ? p.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0 : 0;
}
