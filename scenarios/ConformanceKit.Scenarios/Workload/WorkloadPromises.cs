namespace ConformanceKit.Scenarios.Workload;

/// <summary>The names of the seed promises checked on a user's StatefulSet.</summary>
public static class WorkloadPromises
{
    /// <summary>Pods named set-0..N-1, hostname == pod name.</summary>
    public const string StableNames = nameof(StableNames);

    /// <summary>Each pod's FQDN under the headless Service resolves to its IP and follows a replacement.</summary>
    public const string StableDns = nameof(StableDns);

    /// <summary>Ready, as the user's own probes say.</summary>
    public const string Readiness = nameof(Readiness);

    /// <summary>Pod i is created only after pod i-1 is Ready.</summary>
    public const string OrderedCreation = nameof(OrderedCreation);

    /// <summary>Scale to 0 removes the highest ordinal first, each after the one above is gone.</summary>
    public const string OrderedScaleDown = nameof(OrderedScaleDown);

    /// <summary>One claim per volumeClaimTemplate per pod, Bound, the same after the pod is replaced.</summary>
    public const string PerPodStorage = nameof(PerPodStorage);

    /// <summary>The claims (and their volumes) survive a scale to 0 and come back with the pods.</summary>
    public const string ClaimsSurviveScaleToZero = nameof(ClaimsSurviveScaleToZero);

    /// <summary>The claims survive the set's deletion and are re-bound when it is re-created.</summary>
    public const string ClaimsSurviveTheSet = nameof(ClaimsSurviveTheSet);

    /// <summary>Data written in a claim is read back after replacement and re-creation.</summary>
    public const string DataMarkers = nameof(DataMarkers);

    /// <summary>A template change rolls the pods from the highest ordinal down.</summary>
    public const string RollingUpdate = nameof(RollingUpdate);
}
