using ConformanceKit.Scenarios.Kubernetes;
using k8s.Models;

namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// Which run option gave a pod its image, so that a pod whose image cannot be had names the option that fixes it.
/// The renderer stamps every pod it renders with <see cref="Annotation"/>: the busybox probe pod and the naming
/// control's Deployment run <c>--busybox-image</c>, the suite's StatefulSets <c>--workload-image</c>. A pod without
/// the stamp is the user's own workload (its documents are rewritten, never rendered here), whose images
/// <c>--workload-image-map</c> replaces.
/// </summary>
public static class ImageFlag
{
    /// <summary>The pod annotation naming the flag its image came from.</summary>
    public const string Annotation = "conformancekit.io/image-flag";

    /// <summary>The image of the small helper pods (<c>CK_BUSYBOX_IMAGE</c>).</summary>
    public const string Busybox = "--busybox-image";

    /// <summary>The image of the suite's own StatefulSets (<c>CK_WORKLOAD_IMAGE</c>).</summary>
    public const string Workload = "--workload-image";

    /// <summary>The substitutes for the images of the user's workload files (<c>CK_WORKLOAD_IMAGE_MAP</c>).</summary>
    public const string WorkloadMap = "--workload-image-map";

    /// <summary>The flag that sets <paramref name="pod"/>'s images.</summary>
    public static string Of(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.Annotation(Annotation) switch
        {
            Busybox => Busybox,
            Workload => Workload,
            _ => WorkloadMap,
        };
    }

    /// <summary>What to pass, in words, for an image of <paramref name="flag"/> that the cluster cannot have.</summary>
    public static string Advice(string flag) => flag switch
    {
        Busybox => "pass --busybox-image IMAGE (CK_BUSYBOX_IMAGE) naming a busybox image the cluster can pull",
        Workload => "pass --workload-image IMAGE (CK_WORKLOAD_IMAGE) naming an image the cluster can pull",
        _ => "pass --workload-image-map FROM=TO (CK_WORKLOAD_IMAGE_MAP) mapping it to an image the cluster can pull",
    };
}
