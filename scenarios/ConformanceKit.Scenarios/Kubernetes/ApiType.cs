using System.Reflection;
using k8s.Models;

namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>The apiVersion and kind the package's model type declares.</summary>
internal sealed record ApiType(string ApiVersion, string Kind)
{
    public static ApiType Of<T>() => Of(typeof(T));

    public static ApiType Of(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{type.Name} is not a Kubernetes model type (it has no KubernetesEntity attribute)");
        return new ApiType(string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}", entity.Kind);
    }
}
