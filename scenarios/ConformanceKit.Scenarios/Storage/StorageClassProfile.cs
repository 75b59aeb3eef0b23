using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Storage;

/// <summary>What a platform team compares about a StorageClass, as the server stored it.</summary>
public sealed record StorageClassProfile(string Name, string Provisioner, string BindingMode, string ReclaimPolicy, bool AllowVolumeExpansion, bool IsDefault)
{
    /// <summary>The annotation that marks the cluster's default class.</summary>
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>True for WaitForFirstConsumer: claims bind only once their pod's node is chosen.</summary>
    public bool WaitsForFirstConsumer => BindingMode == "WaitForFirstConsumer";

    /// <summary>Reads a stored class; absent fields take the server's defaults (Immediate, Delete, no expansion).</summary>
    public static StorageClassProfile From(V1StorageClass storageClass)
    {
        ArgumentNullException.ThrowIfNull(storageClass);
        return new(
            storageClass.Metadata.Name ?? "?",
            storageClass.Provisioner ?? "?",
            storageClass.VolumeBindingMode ?? "Immediate",
            storageClass.ReclaimPolicy ?? "Delete",
            storageClass.AllowVolumeExpansion ?? false,
            storageClass.Metadata.Annotations?.TryGetValue(DefaultClassAnnotation, out var value) == true && value == "true");
    }

    /// <summary>
    /// The class a claim asking for <paramref name="storageClassName"/> gets among <paramref name="classes"/>: that class,
    /// or for none named the default class (the newest when several are marked, as the API server picks since v1.26);
    /// null when the named class is not there, no class is the default, or the claim opts out of classes ("").
    /// </summary>
    public static StorageClassProfile? ForClaim(string? storageClassName, IEnumerable<V1StorageClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var chosen = storageClassName is null
            ? classes.Select(c => (Class: c, Profile: From(c))).Where(c => c.Profile.IsDefault)
                .OrderByDescending(c => c.Class.Metadata.CreationTimestamp ?? DateTime.MinValue).Select(c => c.Class).FirstOrDefault()
            : classes.FirstOrDefault(c => storageClassName.Length > 0 && c.Metadata.Name == storageClassName);
        return chosen is null ? null : From(chosen);
    }

    /// <summary>The class as a model object (name, provisioner, binding and reclaim policy), e.g. for the Pending diagnosis.</summary>
    public V1StorageClass ToStorageClass() => new()
    {
        Metadata = new() { Name = Name },
        Provisioner = Provisioner,
        VolumeBindingMode = BindingMode,
        ReclaimPolicy = ReclaimPolicy,
        AllowVolumeExpansion = AllowVolumeExpansion,
    };

    /// <summary>E.g. <c>fast-ssd: provisioner ebs.csi.aws.com, WaitForFirstConsumer, reclaim Delete, expansion allowed</c>.</summary>
    public override string ToString() =>
        $"{Name}{(IsDefault ? " (default)" : "")}: provisioner {Provisioner}, {BindingMode}, reclaim {ReclaimPolicy}, expansion {(AllowVolumeExpansion ? "allowed" : "not allowed")}";
}
