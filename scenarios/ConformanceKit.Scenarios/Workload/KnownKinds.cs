using System.Reflection;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// What the client package and the Kubernetes API say about kinds without asking a cluster: the package's typed
/// models (by <c>apiVersion/kind</c>) and the built-in kinds that are cluster-scoped.
/// </summary>
public static class KnownKinds
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Models = new(LoadModels);

    // Built-in cluster-scoped kinds by API group ("" is the core group); the version does not change the scope.
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
        "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
        "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
        "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
        "apiextensions.k8s.io/CustomResourceDefinition", "apiregistration.k8s.io/APIService",
        "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
        "admissionregistration.k8s.io/ValidatingWebhookConfiguration", "admissionregistration.k8s.io/MutatingWebhookConfiguration",
        "admissionregistration.k8s.io/ValidatingAdmissionPolicy", "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
        "admissionregistration.k8s.io/MutatingAdmissionPolicy", "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
        "networking.k8s.io/IngressClass", "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR",
        "policy/PodSecurityPolicy", "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
        "flowcontrol.apiserver.k8s.io/FlowSchema", "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
        "resource.k8s.io/DeviceClass", "resource.k8s.io/ResourceSlice", "internal.apiserver.k8s.io/StorageVersion",
        "authentication.k8s.io/TokenReview", "authentication.k8s.io/SelfSubjectReview",
        "authorization.k8s.io/SubjectAccessReview", "authorization.k8s.io/SelfSubjectAccessReview",
        "authorization.k8s.io/SelfSubjectRulesReview",
    };

    /// <summary>The package's model type for <paramref name="apiVersion"/> and <paramref name="kind"/>, or null.</summary>
    public static Type? ModelType(string apiVersion, string kind) =>
        Models.Value.TryGetValue($"{apiVersion}/{kind}", out var type) ? type : null;

    /// <summary>True when the kind is a built-in cluster-scoped kind (a custom kind's scope needs discovery).</summary>
    public static bool IsClusterScoped(string group, string kind) => ClusterScopedKinds.Contains($"{group}/{kind}");

    private static IReadOnlyDictionary<string, Type> LoadModels()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(KubernetesEntityAttribute).Assembly.GetExportedTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity && !string.IsNullOrEmpty(entity.Kind))
            {
                var group = string.IsNullOrEmpty(entity.Group) ? "" : entity.Group + "/";
                map.TryAdd($"{group}{entity.ApiVersion}/{entity.Kind}", type);
            }
        }

        return map;
    }
}
