namespace ConformanceKit.Scenarios.Manifests;

/// <summary>What a scenario chooses about its StatefulSet; everything else is in the YAML template.</summary>
public sealed record StatefulSetParameters
{
    /// <summary>Name of the set; pods are <c>&lt;Name&gt;-&lt;ordinal&gt;</c> and carry the label <c>app=&lt;Name&gt;</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Namespace of the set.</summary>
    public required string Namespace { get; init; }

    /// <summary>Container image (a busybox with sh, hostname, touch, cat).</summary>
    public required string Image { get; init; }

    /// <summary>The headless Service that governs the set; defaults to <see cref="Name"/>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>spec.replicas.</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>spec.podManagementPolicy.</summary>
    public PodManagementPolicy PodManagementPolicy { get; init; } = PodManagementPolicy.OrderedReady;

    /// <summary>Which template to start from.</summary>
    public StatefulSetVariant Variant { get; init; } = StatefulSetVariant.Basic;

    /// <summary>storageClassName of the claim template (WithStorage only); null: omitted, the cluster default applies.</summary>
    public string? StorageClassName { get; init; }

    /// <summary>Requested size of each claim (WithStorage only).</summary>
    public string StorageRequest { get; init; } = "10Mi";

    /// <summary>spec.persistentVolumeClaimRetentionPolicy (WithStorage only); null: omitted, the server's default (Retain, Retain).</summary>
    public ClaimRetentionPolicy? ClaimRetention { get; init; }

    /// <summary>
    /// When set, each pod takes at least this many seconds to terminate (a preStop hook waits that long, and the grace
    /// period is raised above it), so a deletion stays observable: Parallel scale-down then deletes a pod while the
    /// one above it is certainly still terminating. Null: the template's quick 1 s termination.
    /// </summary>
    public int? TerminationDelaySeconds { get; init; }

    /// <summary>
    /// The value of the container's <c>REVISION</c> environment variable: changing it (and nothing else) changes the pod
    /// template, so re-applying the manifest with another value starts an update.
    /// </summary>
    public string Revision { get; init; } = "v1";

    /// <summary>spec.updateStrategy; null: the template's (none, so the server's default RollingUpdate with partition 0).</summary>
    public UpdateStrategyParameters? UpdateStrategy { get; init; }

    /// <summary>imagePullPolicy of the container.</summary>
    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>Extra labels on the set and its pods (e.g. the run's session label).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The Service name actually used.</summary>
    public string EffectiveServiceName => ServiceName ?? Name;

    /// <summary>Label selector of the set's pods, e.g. <c>app=web</c>.</summary>
    public string PodSelector => $"app={Name}";

    /// <summary>Name of pod <paramref name="ordinal"/>.</summary>
    public string PodName(int ordinal) => $"{Name}-{ordinal}";

    /// <summary>Name of the claim of pod <paramref name="ordinal"/> (template <c>data</c>).</summary>
    public string ClaimName(int ordinal) => $"{ManifestRenderer.ClaimTemplateName}-{Name}-{ordinal}";
}
