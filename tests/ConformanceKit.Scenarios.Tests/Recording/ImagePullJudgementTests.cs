using ConformanceKit.Scenarios.Diagnosis;
using ConformanceKit.Scenarios.Manifests;
using k8s.Models;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.StartFailureObjects;

namespace ConformanceKit.Scenarios.Tests.Recording;

public sealed class ImagePullJudgementTests
{
    private const string NeverPull = $"Container image \"{Image}\" is not present with pull policy of Never";
    private const string BadName = "Failed to apply default image tag \"Registry.Local/BusyBox\": couldn't parse image reference \"Registry.Local/BusyBox\": invalid reference format: repository name must be lowercase";

    [TestCase("InvalidImageName", BadName, "is not a valid image name")]
    [TestCase("ErrImageNeverPull", NeverPull, "is not on the node and its imagePullPolicy is Never")]
    public void FinalReason_WithoutAnyFailedPull_IsHopelessAtOnce(string reason, string message, string what)
    {
        // Given the probe's container waiting for a reason the kubelet never retries, and no event at all
        var pod = Pod(Waiting(reason, message));

        // When it is judged
        var unavailable = ImagePullJudgement.Judge(pod, []).ShouldNotBeNull();

        // Then it is hopeless now, naming pod, container, image, the kubelet's message and the flag of an unstamped pod
        (unavailable.Pod, unavailable.Container, unavailable.Image, unavailable.Reason, unavailable.FailedPulls).ShouldBe(("dns-probe", Container, Image, reason, 0));
        unavailable.KubeletMessage.ShouldBe(message);
        unavailable.Line.ShouldStartWith($"pod ordered-lifecycle/dns-probe cannot start: the image \"{Image}\" of container {Container} {what} ({reason}; kubelet: '{message}'); ");
        unavailable.Line.ShouldContain("--workload-image-map FROM=TO");
    }

    [Test]
    public void ContainerBeingCreated_IsNotHopeless()
    {
        // Given the recorded probe while its container is being created (ContainerCreating), with three failed pulls on record
        var pod = Pod(CreatingProbe());

        // When it is judged
        var unavailable = ImagePullJudgement.Judge(pod, [FailedPulls(3)]);

        // Then it is not: only a pull-error state counts the failures
        unavailable.ShouldBeNull();
    }

    [Test]
    public void ImagePullBackOff_AfterOneFailedPull_IsNotHopeless()
    {
        // Given the probe backing off after a single failed pull (a transient registry hiccup looks like this)
        var pod = Pod(Waiting("ImagePullBackOff", $"Back-off pulling image \"{Image}\""));

        // When it is judged
        var unavailable = ImagePullJudgement.Judge(pod, [FailedPulls(1)]);

        // Then it may still start
        unavailable.ShouldBeNull();
    }

    [Test]
    public void ImagePullBackOff_AfterThreeFailedPulls_IsHopelessNamingTheImageTheKubeletsMessageAndTheFlag()
    {
        // Given the probe backing off after three failed pulls, its kubelet's event counted 3, the pod stamped as the renderer stamps the probe
        var json = Waiting("ImagePullBackOff", $"Back-off pulling image \"{Image}\"");
        json["metadata"]!["annotations"] = new System.Text.Json.Nodes.JsonObject { [ImageFlag.Annotation] = ImageFlag.Busybox };

        // When it is judged
        var unavailable = ImagePullJudgement.Judge(Pod(json), [FailedPulls(ImagePullJudgement.FailedPullsBeforeHopeless)]).ShouldNotBeNull();

        // Then it is hopeless, quoting the kubelet's failed-pull message (not the back-off's) and naming --busybox-image
        unavailable.FailedPulls.ShouldBe(3);
        unavailable.Line.ShouldBe(
            $"pod ordered-lifecycle/dns-probe cannot start: the image \"{Image}\" of container {Container} could not be pulled "
            + $"(ImagePullBackOff, 3 failed pulls; kubelet: 'Failed to pull image \"{Image}\": {PulledMessage}'); "
            + "pass --busybox-image IMAGE (CK_BUSYBOX_IMAGE) naming a busybox image the cluster can pull");
    }

    [Test]
    public void ErrImagePull_FailuresSpreadOverEvents_AreAddedUp_AndTheLatestMessageIsQuotedWithItsWhitespaceCollapsed()
    {
        // Given two failed-pull events of the pod (counts 2 and 1), the later one's message spread over lines
        // and one merged by the kubelet's event recorder (its "combined from similar events" prefix)
        var pod = Pod(Waiting("ErrImagePull", PulledMessage));
        var events = new List<Corev1Event>
        {
            FailedPulls(1, message: $"(combined from similar events): Failed to pull image \"{Image}\": dial tcp:\n   i/o   timeout", second: 59),
            FailedPulls(2, message: $"Failed to pull image \"{Image}\": {PulledMessage}", second: 40),
        };

        // When it is judged with both, and with the first alone (control)
        var both = ImagePullJudgement.Judge(pod, events);
        var one = ImagePullJudgement.Judge(pod, events.Take(1).ToList());

        // Then 2 + 1 pulls make it hopeless with the latest message on one line; one pull alone does not
        both.ShouldNotBeNull().FailedPulls.ShouldBe(3);
        both.KubeletMessage.ShouldBe($"Failed to pull image \"{Image}\": dial tcp: i/o timeout");
        one.ShouldBeNull();
    }

    [Test]
    public void PodWhoseLaterPullSucceeded_Running_IsNotHopeless()
    {
        // Given three failed pulls on record and the probe's container running now (a later pull succeeded)
        var events = new List<Corev1Event> { FailedPulls(3) };

        // When it is judged running, and backing off with the same events (control)
        var running = ImagePullJudgement.Judge(Pod(Running()), events);
        var backingOff = ImagePullJudgement.Judge(Pod(Waiting("ImagePullBackOff", "Back-off")), events);

        // Then only the pod still without its image is hopeless
        running.ShouldBeNull();
        backingOff.ShouldNotBeNull();
    }

    [Test]
    public void FailedPullsOfAnEarlierPodOfTheSameName_OrOfAnotherContainer_DoNotCount()
    {
        // Given the probe backing off, and three failed pulls recorded for another UID, or another container
        var pod = Pod(Waiting("ImagePullBackOff", "Back-off"));

        // When it is judged against each, and against its own (control)
        var otherUid = ImagePullJudgement.Judge(pod, [FailedPulls(3, uid: "00000000-0000-0000-0000-000000000000")]);
        var otherContainer = ImagePullJudgement.Judge(pod, [FailedPulls(3, fieldPath: "spec.containers{sidecar}")]);
        var own = ImagePullJudgement.Judge(pod, [FailedPulls(3)]);

        // Then only its own pulls count
        (otherUid, otherContainer).ShouldBe((null, null));
        own.ShouldNotBeNull();
    }

    [Test]
    public void InitContainerThatCannotPull_IsHopeless_NamingTheInitContainer()
    {
        // Given the probe with its one container moved to an init container waiting in ErrImagePull, three pulls failed on it
        var json = Waiting("ErrImagePull", PulledMessage);
        var status = json["status"]!;
        status["initContainerStatuses"] = status["containerStatuses"]!.DeepClone();
        status["containerStatuses"]![0]!["name"] = "main";
        status["containerStatuses"]![0]!["state"] = new System.Text.Json.Nodes.JsonObject { ["waiting"] = new System.Text.Json.Nodes.JsonObject { ["reason"] = "PodInitializing" } };
        var pod = Pod(json);

        // When it is judged with the pulls on the init container, and with them on a regular container of that name (control)
        var init = ImagePullJudgement.Judge(pod, [FailedPulls(3, fieldPath: "spec.initContainers{dns-probe}")]);
        var regular = ImagePullJudgement.Judge(pod, [FailedPulls(3, fieldPath: "spec.containers{dns-probe}")]);

        // Then the init container is named; the pulls of another field path do not count
        init.ShouldNotBeNull().Container.ShouldBe(Container);
        regular.ShouldBeNull();
    }

    [Test]
    public void TerminatingPod_IsNotJudged()
    {
        // Given the probe in ErrImageNeverPull while being deleted, and the same without the deletion (control)
        var deleting = Waiting("ErrImageNeverPull", NeverPull);
        deleting["metadata"]!["deletionTimestamp"] = "2026-11-20T21:53:00Z";

        // When both are judged among the namespace's pods
        var gone = PodStartJudgement.Judge([Pod(deleting)], []);
        var staying = PodStartJudgement.Judge([Pod(Waiting("ErrImageNeverPull", NeverPull))], []);

        // Then a pod going away ends no wait
        gone.ShouldBeNull();
        staying.ShouldNotBeNull();
    }
}
