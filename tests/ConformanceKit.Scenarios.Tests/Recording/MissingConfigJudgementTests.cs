using System.Text.Json.Nodes;
using ConformanceKit.Scenarios.Diagnosis;
using k8s.Models;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.StartFailureObjects;

namespace ConformanceKit.Scenarios.Tests.Recording;

public sealed class MissingConfigJudgementTests
{
    private const string ConfigError = "CreateContainerConfigError";
    private const string SecretNotFound = "Error: secret \"db-creds\" not found";
    private const string MountNotFound = "MountVolume.SetUp failed for volume \"creds\" : secret \"db-creds\" not found";

    [Test]
    public void ContainerConfigError_AfterOneFailedStart_IsNotHopeless()
    {
        // Given the probe's container waiting in CreateContainerConfigError, the kubelet's Failed event counted once
        var pod = Pod(Waiting(ConfigError, "secret \"db-creds\" not found"));

        // When it is judged
        var cannotStart = PodStartJudgement.Judge(pod, [Failed(SecretNotFound, 1)]);

        // Then it may still start: the Secret may be written a moment after the pod
        cannotStart.ShouldBeNull();
    }

    [Test]
    public void ContainerConfigError_AfterThreeFailedStarts_IsHopelessNamingTheContainerTheSecretAndTheFlag()
    {
        // Given the same pod after three failed starts (one event counted 2, a later one counted 1)
        var pod = Pod(Waiting(ConfigError, "secret \"db-creds\" not found"));
        List<Corev1Event> events = [Failed(SecretNotFound, 2, second: 30), Failed(SecretNotFound, 1, second: 45)];

        // When it is judged
        var cannotStart = PodStartJudgement.Judge(pod, events).ShouldBeOfType<MissingConfigObject>();

        // Then one line names pod, container, Secret, the kubelet's message and what to do
        (cannotStart.Kind, cannotStart.Name, cannotStart.Key, cannotStart.Failures).ShouldBe(("Secret", "db-creds", (string?)null, 3));
        cannotStart.Line.ShouldBe(
            "pod ordered-lifecycle/dns-probe cannot start: its container dns-probe needs Secret \"db-creds\", which namespace ordered-lifecycle does not hold "
            + "(CreateContainerConfigError, 3 failed starts; kubelet: 'Error: secret \"db-creds\" not found'); add the Secret to the files given with "
            + "--workload-manifest (CK_WORKLOAD_MANIFEST): each test applies only them into a namespace of its own");
    }

    [Test]
    public void ContainerConfigError_MissingKeyOfAConfigMap_NamesTheKeyAndTheConfigMap()
    {
        // Given an init container held by a key its ConfigMap lacks, three times, the last event merged by the recorder
        var json = Waiting("PodInitializing", null);
        var status = json["status"]!;
        status["initContainerStatuses"] = status["containerStatuses"]!.DeepClone();
        status["initContainerStatuses"]![0]!["name"] = "setup";
        status["initContainerStatuses"]![0]!["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = ConfigError } };
        var message = "(combined from similar events): Error: couldn't find key mode in ConfigMap ordered-lifecycle/app-config";

        // When it is judged with the events on the init container, and on a regular container of that name (control)
        var init = PodStartJudgement.Judge(Pod(json), [Failed(message, 3, "spec.initContainers{setup}")]);
        var regular = PodStartJudgement.Judge(Pod(json), [Failed(message, 3, "spec.containers{setup}")]);

        // Then the init container, the key and the ConfigMap are named; events of another field path do not count
        var missing = init.ShouldBeOfType<MissingConfigObject>();
        (missing.Part, missing.Kind, missing.Name, missing.Key).ShouldBe(("init container setup", "ConfigMap", "app-config", (string?)"mode"));
        missing.Line.ShouldContain("its init container setup needs key \"mode\" of ConfigMap \"app-config\", which that ConfigMap does not hold");
        missing.Line.ShouldContain("kubelet: 'Error: couldn't find key mode in ConfigMap ordered-lifecycle/app-config'");
        regular.ShouldBeNull();
    }

    [Test]
    public void ContainerConfigError_ForAnotherCause_IsNotJudged()
    {
        // Given a config error that names no Secret or ConfigMap, five times, and a missing ConfigMap as often (control)
        var pod = Pod(Waiting(ConfigError, "container has runAsNonRoot and image will run as root"));

        // When both are judged
        var other = PodStartJudgement.Judge(pod, [Failed("Error: container has runAsNonRoot and image will run as root (pod: \"dns-probe\")", 5)]);
        var configMap = PodStartJudgement.Judge(pod, [Failed("Error: configmap \"app-config\" not found", 5)]);

        // Then only the missing object ends the wait
        other.ShouldBeNull();
        configMap.ShouldBeOfType<MissingConfigObject>().Kind.ShouldBe("ConfigMap");
    }

    [Test]
    public void SamePodLaterRunning_IsNotJudged()
    {
        // Given three failed starts and seven failed mounts on record, and the probe running now (the Secret came)
        List<Corev1Event> events = [Failed(SecretNotFound, 3), Mount(MountNotFound, 7)];

        // When it is judged running, and still waiting with the same events (control)
        var running = PodStartJudgement.Judge(Pod(Running()), events);
        var waiting = PodStartJudgement.Judge(Pod(Waiting(ConfigError, "secret \"db-creds\" not found")), events);

        // Then only the pod still waiting is hopeless
        running.ShouldBeNull();
        waiting.ShouldNotBeNull();
    }

    [Test]
    public void FailedMountSecretNotFound_SevenTimes_IsHopelessNamingTheVolume_SixTimesIsNot()
    {
        // Given the probe Pending in ContainerCreating with a volume of the missing Secret
        var pod = Pod(MountingSecret());

        // When it is judged after 7 failed mounts (the volume manager's back-off puts the 7th ~30 s after the first), and after 6 (control)
        var seven = PodStartJudgement.Judge(pod, [Mount(MountNotFound, 7)]);
        var six = PodStartJudgement.Judge(pod, [Mount(MountNotFound, 6)]);

        // Then seven end it, naming the volume and the Secret; six do not
        var missing = seven.ShouldBeOfType<MissingConfigObject>();
        missing.Line.ShouldStartWith(
            "pod ordered-lifecycle/dns-probe cannot start: its volume creds needs Secret \"db-creds\", which namespace ordered-lifecycle does not hold "
            + $"(FailedMount, 7 failed mounts; kubelet: '{MountNotFound}'); add the Secret to the files given with --workload-manifest");
        six.ShouldBeNull();
    }

    [Test]
    public void FailedMountForAnotherReason_IsNotJudged()
    {
        // Given the probe Pending, its kubelet timing out on a volume attach ten times, and a ConfigMap volume not found as often (control)
        var pod = Pod(MountingSecret());
        const string attach = "Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data kube-api-access-5crf7]: timed out waiting for the condition";

        // When both are judged
        var timeout = PodStartJudgement.Judge(pod, [Mount(attach, 10)]);
        var configMap = PodStartJudgement.Judge(pod, [Mount("MountVolume.SetUp failed for volume \"conf\" : configmap \"app-config\" not found", 10)]);

        // Then the attach timeout stays a wait; the missing ConfigMap ends it
        timeout.ShouldBeNull();
        configMap.ShouldBeOfType<MissingConfigObject>().Part.ShouldBe("volume conf");
    }

    [Test]
    public void FailedMountsOfTwoVolumes_AreCountedPerVolume()
    {
        // Given four failed mounts of each of two volumes (each volume has its own back-off), and seven of one (control)
        var pod = Pod(MountingSecret());
        var other = "MountVolume.SetUp failed for volume \"tls\" : secret \"tls\" not found";

        // When both are judged
        var split = PodStartJudgement.Judge(pod, [Mount(MountNotFound, 4), Mount(other, 4, second: 55)]);
        var one = PodStartJudgement.Judge(pod, [Mount(MountNotFound, 4), Mount(other, 7, second: 55)]);

        // Then 4 + 4 is not enough; 7 of the tls volume is
        split.ShouldBeNull();
        one.ShouldBeOfType<MissingConfigObject>().Name.ShouldBe("tls");
    }

    [Test]
    public void TerminatingPod_WithAMissingSecret_IsNotJudged()
    {
        // Given the probe in CreateContainerConfigError after three failed starts while being deleted, and not deleted (control)
        var deleting = Waiting(ConfigError, "secret \"db-creds\" not found");
        deleting["metadata"]!["deletionTimestamp"] = "2026-11-20T21:53:00Z";
        List<Corev1Event> events = [Failed(SecretNotFound, 3)];

        // When both are judged among the namespace's pods
        var gone = PodStartJudgement.Judge([Pod(deleting)], events);
        var staying = PodStartJudgement.Judge([Pod(Waiting(ConfigError, "secret \"db-creds\" not found"))], events);

        // Then a pod going away ends no wait
        gone.ShouldBeNull();
        staying.ShouldNotBeNull();
    }

    private static Corev1Event Failed(string message, int count, string fieldPath = ContainerPath, int second = 54) =>
        Event(KubeletEvent("Failed", message, count, fieldPath: fieldPath, second: second));

    private static Corev1Event Mount(string message, int count, int second = 54) =>
        Event(KubeletEvent("FailedMount", message, count, fieldPath: null, second: second));
}
