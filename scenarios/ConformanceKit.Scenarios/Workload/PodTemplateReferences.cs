using System.Globalization;
using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>
/// The Secrets and ConfigMaps a StatefulSet's pod template names, read from the typed set: its containers' and init
/// containers' <c>env[].valueFrom.secretKeyRef</c> / <c>configMapKeyRef</c> and <c>envFrom[].secretRef</c> /
/// <c>configMapRef</c>, its <c>volumes[]</c> of kind <c>secret</c>, <c>configMap</c> and <c>projected</c>, and its
/// <c>imagePullSecrets[]</c>; those marked <c>optional: true</c> are left out, the kubelet starts the pod without them.
/// Field paths name list items by their <c>name</c> where they have one, as the rest of the workload's lines do.
/// </summary>
internal static class PodTemplateReferences
{
    private const string Secret = "Secret";
    private const string ConfigMap = "ConfigMap";
    private const string Template = "spec.template.spec";

    /// <summary>The required references of <paramref name="set"/>'s template that no document of <paramref name="documents"/> provides (same kind and name).</summary>
    public static IReadOnlyList<MissingReference> Missing(V1StatefulSet set, IEnumerable<WorkloadDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(documents);
        var provided = documents
            .Where(d => d.Group.Length == 0 && d.Kind is Secret or ConfigMap)
            .Select(d => (d.Kind, d.Name))
            .ToHashSet();
        return [.. Required(set.Spec?.Template?.Spec).Where(r => r.Name.Length > 0 && !provided.Contains((r.Kind, r.Name)))];
    }

    /// <summary>Every required reference of <paramref name="pod"/>, in the order of the template (a name left empty as written).</summary>
    public static IEnumerable<MissingReference> Required(V1PodSpec? pod)
    {
        if (pod is null)
        {
            yield break;
        }

        var containers = (pod.InitContainers ?? []).Select(c => (Field: $"{Template}.initContainers[{c.Name}]", Container: c))
            .Concat((pod.Containers ?? []).Select(c => (Field: $"{Template}.containers[{c.Name}]", Container: c)));
        foreach (var (field, container) in containers)
        {
            foreach (var env in container.Env ?? [])
            {
                var path = $"{field}.env[{env.Name}].valueFrom";
                if (env.ValueFrom?.SecretKeyRef is { Optional: not true } secretKey)
                {
                    yield return new MissingReference($"{path}.secretKeyRef.name", Secret, secretKey.Name ?? "");
                }

                if (env.ValueFrom?.ConfigMapKeyRef is { Optional: not true } configMapKey)
                {
                    yield return new MissingReference($"{path}.configMapKeyRef.name", ConfigMap, configMapKey.Name ?? "");
                }
            }

            foreach (var (source, i) in (container.EnvFrom ?? []).Select((s, i) => (s, i)))
            {
                if (source.SecretRef is { Optional: not true } secretRef)
                {
                    yield return new MissingReference($"{field}.envFrom[{i}].secretRef.name", Secret, secretRef.Name ?? "");
                }

                if (source.ConfigMapRef is { Optional: not true } configMapRef)
                {
                    yield return new MissingReference($"{field}.envFrom[{i}].configMapRef.name", ConfigMap, configMapRef.Name ?? "");
                }
            }
        }

        foreach (var volume in pod.Volumes ?? [])
        {
            var path = $"{Template}.volumes[{volume.Name}]";
            if (volume.Secret is { Optional: not true } secret)
            {
                yield return new MissingReference($"{path}.secret.secretName", Secret, secret.SecretName ?? "");
            }

            if (volume.ConfigMap is { Optional: not true } configMap)
            {
                yield return new MissingReference($"{path}.configMap.name", ConfigMap, configMap.Name ?? "");
            }

            foreach (var (projection, i) in (volume.Projected?.Sources ?? []).Select((s, i) => (s, i)))
            {
                if (projection.Secret is { Optional: not true } projectedSecret)
                {
                    yield return new MissingReference($"{path}.projected.sources[{i}].secret.name", Secret, projectedSecret.Name ?? "");
                }

                if (projection.ConfigMap is { Optional: not true } projectedConfigMap)
                {
                    yield return new MissingReference($"{path}.projected.sources[{i}].configMap.name", ConfigMap, projectedConfigMap.Name ?? "");
                }
            }
        }

        foreach (var (pullSecret, i) in (pod.ImagePullSecrets ?? []).Select((s, i) => (s, i)))
        {
            var label = string.IsNullOrEmpty(pullSecret.Name) ? i.ToString(CultureInfo.InvariantCulture) : pullSecret.Name;
            yield return new MissingReference($"{Template}.imagePullSecrets[{label}].name", Secret, pullSecret.Name ?? "");
        }
    }
}
