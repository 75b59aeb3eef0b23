using System.Text.RegularExpressions;

namespace ConformanceKit.Scenarios.Diagnosis;

/// <summary>
/// What to do about the API server's refusal of a pod (or its claim), by the kind of refusal its message tells: the
/// one place that maps a refusal to advice. PodSecurity admission (<c>violates PodSecurity "restricted:latest": …</c>),
/// a ResourceQuota (<c>exceeded quota: …</c>, <c>failed quota: …</c>), a LimitRange (<c>maximum cpu usage per
/// Container is …</c>), a ServiceAccount that is not there (<c>error looking up service account ns/x: serviceaccount
/// "x" not found</c>); anything else (an admission webhook's denial, a policy engine) gets the generic advice.
/// </summary>
internal static partial class CreateRefusal
{
    /// <summary>What to do, for the refusal <paramref name="message"/> in namespace <paramref name="ns"/>.</summary>
    public static string Advice(string message, string ns)
    {
        if (PodSecurity().Match(message) is { Success: true } security)
        {
            var level = security.Groups["level"].Value;
            // The flag names the least permissive level that admits what the refused level does not: baseline for a
            // restricted refusal, unless the refusal also lists a check of the baseline level itself.
            var (suggested, admitting) = level == "restricted" && !BaselineCheck().IsMatch(message)
                ? ("baseline", "baseline or privileged")
                : ("privileged", "privileged");
            return $"namespace {ns} enforces PodSecurity \"{level}:{security.Groups["version"].Value}\" (its pod-security.kubernetes.io/enforce "
                + "level: the cluster's default or a policy of it, unless --pod-security-level set it): rerun with --pod-security-level "
                + $"{suggested} (CK_POD_SECURITY_LEVEL) to label the run's namespaces with a level that admits the pods ({admitting}), if this "
                + "cluster lets you label namespaces so; or, for a StatefulSet of your own (--workload-manifest), give its pod template a "
                + $"securityContext that meets \"{level}\"";
        }

        if (Quota().IsMatch(message) || LimitRange().IsMatch(message))
        {
            var what = Quota().IsMatch(message) ? "a ResourceQuota" : "a LimitRange";
            return $"{what} of namespace {ns} does not admit it (one of the files given with --workload-manifest, or one the cluster puts "
                + "in every namespace): the run's namespaces need limits that admit the set's pods and claims, or the requests and limits "
                + "of the pod template and its volumeClaimTemplates must fit them";
        }

        if (ServiceAccount().Match(message) is { Success: true } account)
        {
            return $"the pod template's serviceAccountName names ServiceAccount \"{account.Groups["name"].Value}\", which namespace {ns} does not "
                + "hold; add the ServiceAccount to the files given with --workload-manifest (CK_WORKLOAD_MANIFEST): each test applies only them "
                + "into a namespace of its own";
        }

        return "the API server refuses the pod (an admission webhook or policy, by its message): the pod template, or what the cluster "
            + "admits in the run's namespaces, must change before it can be created";
    }

    [GeneratedRegex(@"violates PodSecurity ""(?<level>[a-z]+):(?<version>[^""]+)""")]
    private static partial Regex PodSecurity();

    // The checks of the baseline level, by the names PodSecurity admission lists them under in its refusal
    // ("<check> (<detail>)", after the level or a comma); restricted runs them too, and only privileged waives them.
    [GeneratedRegex(@"(?:"": |, )(?:privileged|host namespaces|hostPath volumes|hostPort|non-default capabilities|forbidden sysctls|procMount|seLinuxOptions|forbidden AppArmor profiles?|hostProcess) \(")]
    private static partial Regex BaselineCheck();

    [GeneratedRegex(@"\b(?:exceeded|failed) quota: ")]
    private static partial Regex Quota();

    // The LimitRanger's refusals: a maximum or minimum per Container, Pod or PersistentVolumeClaim, or a limit/request ratio.
    [GeneratedRegex(@"\b(?:maximum|minimum) \S+ usage per (?:Container|Pod|PersistentVolumeClaim) is |\bmax limit to request ratio per ")]
    private static partial Regex LimitRange();

    [GeneratedRegex(@"\bserviceaccount ""(?<name>[^""]+)"" not found")]
    private static partial Regex ServiceAccount();
}
