using ConformanceKit.Scenarios.Diagnosis;
using k8s.Models;
using Shouldly;
using static ConformanceKit.Scenarios.Tests.Recording.FailedCreateEvents;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// The StatefulSet controller's FailedCreate events judged by <see cref="PodStartJudgement"/>: what the one line says
/// for each kind of refusal. The span and existence rules are in <see cref="CreateRefusalSpanTests"/>.
/// </summary>
public sealed class CreateRefusalJudgementTests
{
    [Test]
    public void PodSecurityRefusal_RecurringFor41Seconds_NamesTheSetThePodTheLevelAndWhatToDo()
    {
        // Given web-0 refused 14 times over 41 s by PodSecurity "restricted" (the back-off's 14th failure), no pod of the set
        List<Corev1Event> events = [Event(FailedCreate(PodSecurity, 14, first: 0, span: 41))];

        // When the namespace is judged
        var refused = PodStartJudgement.Judge([], events).ShouldBeOfType<PodNotCreated>();

        // Then one line names pod, set, how long, the API server's refusal (cut) and the enforce level to change
        (refused.Namespace, refused.Pod, refused.StatefulSet, refused.Claim, refused.Failures, refused.Seconds)
            .ShouldBe(("ordered-lifecycle", "web-0", "web", (string?)null, 14, 41));
        refused.Line.ShouldBe(
            "pod ordered-lifecycle/web-0 cannot be created: the API server has refused StatefulSet web's creation of it for 41 s "
            + $"(FailedCreate, 14 failures; API server: '{PodSecurity[..400].TrimEnd()} …'); namespace ordered-lifecycle enforces PodSecurity "
            + "\"restricted:latest\" (its pod-security.kubernetes.io/enforce level: the cluster's default or a policy of it, unless "
            + "--pod-security-level set it): rerun with --pod-security-level baseline (CK_POD_SECURITY_LEVEL) to label the run's namespaces "
            + "with a level that admits the pods (baseline or privileged), if this cluster lets you label namespaces so; or, for a StatefulSet "
            + "of your own (--workload-manifest), give its pod template a securityContext that meets \"restricted\"");
    }

    [Test]
    public void PodSecurityRefusalAtBaseline_NamesTheFlagWithPrivileged_NotBaseline()
    {
        // Given web-0 refused over 41 s by PodSecurity "baseline" (a privileged container), and the same set refused at "restricted"
        var baseline = "pods \"web-0\" is forbidden: violates PodSecurity \"baseline:v1.28\": privileged (container \"web\" must not set "
            + "securityContext.privileged=true)";
        var atBaseline = PodStartJudgement.Judge([], [Event(FailedCreate(baseline, 14, first: 0, span: 41))]).ShouldBeOfType<PodNotCreated>();
        var atRestricted = PodStartJudgement.Judge([], [Event(FailedCreate(PodSecurity, 14, first: 0, span: 41))]).ShouldBeOfType<PodNotCreated>();

        // When their advice is read
        var advice = atBaseline.Line[(atBaseline.Line.IndexOf("'); ", StringComparison.Ordinal) + 4)..];
        var control = atRestricted.Line[(atRestricted.Line.IndexOf("'); ", StringComparison.Ordinal) + 4)..];

        // Then the baseline refusal names the only level that admits it, privileged; the restricted one (control) names baseline
        advice.ShouldStartWith("namespace ordered-lifecycle enforces PodSecurity \"baseline:v1.28\"");
        advice.ShouldContain("rerun with --pod-security-level privileged (CK_POD_SECURITY_LEVEL) to label the run's namespaces with a level "
            + "that admits the pods (privileged),");
        advice.ShouldEndWith("securityContext that meets \"baseline\"");
        advice.ShouldNotContain("--pod-security-level baseline");
        control.ShouldContain("rerun with --pod-security-level baseline (CK_POD_SECURITY_LEVEL)");
    }

    [Test]
    public void PodSecurityRefusalAtRestricted_ThatListsABaselineCheck_NamesPrivileged()
    {
        // Given web-0 refused at "restricted" for a hostPath volume (a baseline check) besides the restricted ones
        var hostPath = PodSecurity.Replace("\"restricted:latest\": ", "\"restricted:latest\": hostPath volumes (volume \"data\"), ", StringComparison.Ordinal);
        var refused = PodStartJudgement.Judge([], [Event(FailedCreate(hostPath, 14, first: 0, span: 41))]).ShouldBeOfType<PodNotCreated>();

        // When its advice is read
        var advice = refused.Line[(refused.Line.IndexOf("'); ", StringComparison.Ordinal) + 4)..];

        // Then baseline would refuse it too, so the flag names privileged (the plain restricted refusal above names baseline: the control)
        advice.ShouldContain("rerun with --pod-security-level privileged (CK_POD_SECURITY_LEVEL)");
        advice.ShouldNotContain("--pod-security-level baseline");
    }

    [TestCase(Quota, "a ResourceQuota of namespace ordered-lifecycle does not admit it (one of the files given with --workload-manifest")]
    [TestCase(LimitRange, "a LimitRange of namespace ordered-lifecycle does not admit it (one of the files given with --workload-manifest")]
    [TestCase(NoServiceAccount, "the pod template's serviceAccountName names ServiceAccount \"web-sa\", which namespace ordered-lifecycle does not hold; "
        + "add the ServiceAccount to the files given with --workload-manifest (CK_WORKLOAD_MANIFEST)")]
    [TestCase(Webhook, "the API server refuses the pod (an admission webhook or policy, by its message)")]
    [TestCase("admission webhook \"validation.gatekeeper.sh\" denied the request: [psp-privileged-container] Privileged container is not allowed: web",
        "the API server refuses the pod (an admission webhook or policy")]
    public void RefusalOfEachKind_RecurringFor41Seconds_EndsWithItsAdvice(string error, string advice)
    {
        // Given web-0 refused 14 times over 41 s for the error (a webhook's message spans lines)
        List<Corev1Event> events = [Event(FailedCreate(error, 14, first: 0, span: 41))];

        // When the namespace is judged, and the same refusals within 2 s (control: a transient hiccup)
        var refused = PodStartJudgement.Judge([], events);
        var hiccup = PodStartJudgement.Judge([], [Event(FailedCreate(error, 10, first: 0, span: 2))]);

        // Then the line quotes the refusal on one line and ends with the advice of its kind; the hiccup is not judged
        var line = refused.ShouldBeOfType<PodNotCreated>().Line;
        line.ShouldContain($"API server: '{OneLine(error)}'); {advice}");
        line.ShouldNotContain("\n");
        line.ShouldNotContain("PodSecurity \"");
        hiccup.ShouldBeNull();
    }

    [Test]
    public void ClaimRefusedByAStorageQuota_NamesTheClaimAndThePod()
    {
        // Given the claim data-web-0 of web-0 refused over 41 s by a quota on requests.storage
        var quota = "persistentvolumeclaims \"data-web-0\" is forbidden: exceeded quota: storage, requested: requests.storage=10Mi, used: "
            + "requests.storage=0, limited: requests.storage=5Mi";
        List<Corev1Event> events = [Event(FailedCreate(quota, 14, first: 0, span: 41, claim: "data-web-0"))];

        // When the namespace is judged
        var refused = PodStartJudgement.Judge([], events).ShouldBeOfType<PodNotCreated>();

        // Then the pod is the one that cannot be created, for its claim, with the quota's advice
        (refused.Pod, refused.Claim).ShouldBe(("web-0", "data-web-0"));
        refused.Line.ShouldStartWith("pod ordered-lifecycle/web-0 cannot be created: the API server has refused StatefulSet web's creation of its claim data-web-0 for 41 s");
        refused.Line.ShouldContain("'); a ResourceQuota of namespace ordered-lifecycle does not admit it");
    }

    [Test]
    public void RefusalOfAnotherStatefulSetsPod_NamesThatSet()
    {
        // Given set web's pods running, and set db's pod db-0 refused over 41 s (its events on db)
        var dbError = "pods \"db-0\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3";
        List<Corev1Event> events = [Event(SuccessfulCreate(1, first: 0, span: 0)), Event(FailedCreate(dbError, 14, first: 5, span: 41, pod: "db-0", set: "db"))];

        // When the namespace is judged with web-0 there
        var refused = PodStartJudgement.Judge([RecordedPod("web-0")], events).ShouldBeOfType<PodNotCreated>();

        // Then the line names db and db-0, not web
        (refused.StatefulSet, refused.Pod).ShouldBe(("db", "db-0"));
        refused.Line.ShouldStartWith("pod ordered-lifecycle/db-0 cannot be created: the API server has refused StatefulSet db's creation of it");
    }

    [Test]
    public void FailedCreateOnAnEventAboutAnotherSet_IsNotJudged()
    {
        // Given a refusal whose message names set web but whose event is about set db, and the same on web (control)
        var misplaced = FailedCreate(Quota, 14, first: 0, span: 41);
        misplaced["involvedObject"]!["name"] = "db";

        // When both are judged
        var other = PodStartJudgement.Judge([], [Event(misplaced)]);
        var own = PodStartJudgement.Judge([], [Event(FailedCreate(Quota, 14, first: 0, span: 41))]);

        // Then only the set's own event counts
        other.ShouldBeNull();
        own.ShouldNotBeNull();
    }

    // The refusal as the line quotes it: whitespace collapsed (a webhook's message spans lines).
    private static string OneLine(string error) => string.Join(' ', error.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
