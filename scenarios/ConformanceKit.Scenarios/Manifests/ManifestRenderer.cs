using System.Globalization;

namespace ConformanceKit.Scenarios.Manifests;

/// <summary>
/// Turns the typed parameters of a scenario into the YAML it applies: loads the template from <c>manifests/</c> and
/// sets typed fields in YamlDotNet's representation model (no text substitution).
/// </summary>
public sealed class ManifestRenderer(ManifestTemplates templates)
{
    /// <summary>Name of the volume claim template in <c>statefulset-storage.yaml</c>.</summary>
    public const string ClaimTemplateName = "data";

    /// <summary>The file the held-readiness probe waits for.</summary>
    public const string ReadyFile = "/tmp/ready";

    private const string Container = "spec.template.spec.containers[0]";

    // Seconds of grace beyond a preStop delay, so the kubelet never cuts the hook short.
    private const int TerminationGraceMargin = 10;

    /// <summary>A renderer over <see cref="ManifestTemplates.Default"/>.</summary>
    public static ManifestRenderer Default { get; } = new(ManifestTemplates.Default);

    /// <summary>Joins documents into one multi-document YAML text.</summary>
    public static string Combine(params IEnumerable<string> documents) =>
        string.Join("---\n", documents.Select(d => d.EndsWith('\n') ? d : d + "\n"));

    /// <summary>The headless Service.</summary>
    public string Render(ServiceParameters parameters)
    {
        var yaml = Load("headless-service.yaml");
        SetMetadata(yaml, parameters.Name, parameters.Namespace, parameters.App, parameters.Labels);
        yaml.SetMap("spec.selector", [new("app", parameters.App)]);
        yaml.SetString("spec.ports[0].name", parameters.PortName);
        yaml.SetInt("spec.ports[0].port", parameters.Port);
        return yaml.ToYaml();
    }

    /// <summary>The StatefulSet, from the template <see cref="StatefulSetParameters.Variant"/> names.</summary>
    public string Render(StatefulSetParameters parameters)
    {
        var yaml = Load(parameters.Variant switch
        {
            StatefulSetVariant.WithStorage => "statefulset-storage.yaml",
            StatefulSetVariant.RestartableStorage => "statefulset-restart.yaml",
            StatefulSetVariant.HeldReadiness => "statefulset-held.yaml",
            StatefulSetVariant.Updatable => "statefulset-update.yaml",
            _ => "statefulset.yaml",
        });
        SetWorkload(yaml, parameters.Name, parameters.Namespace, parameters.Labels, parameters.Image, parameters.ImagePullPolicy, ImageFlag.Workload);
        yaml.SetString("spec.serviceName", parameters.EffectiveServiceName);
        yaml.SetInt("spec.replicas", parameters.Replicas);
        yaml.SetString("spec.podManagementPolicy", parameters.PodManagementPolicy.ToString());
        yaml.SetString($"{Container}.env[0].value", parameters.Revision);
        if (parameters.UpdateStrategy is { } strategy)
        {
            UpdateStrategyYaml.Set(yaml, strategy);
        }

        if (parameters.TerminationDelaySeconds is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delay, nameof(parameters.TerminationDelaySeconds));
            yaml.SetStringList($"{Container}.lifecycle.preStop.exec.command", ["sh", "-c", string.Create(CultureInfo.InvariantCulture, $"sleep {delay}")]);
            yaml.SetInt("spec.template.spec.terminationGracePeriodSeconds", delay + TerminationGraceMargin);
        }

        if (parameters.Variant is StatefulSetVariant.WithStorage or StatefulSetVariant.RestartableStorage)
        {
            const string claim = "spec.volumeClaimTemplates[0]";
            yaml.SetString($"{claim}.metadata.name", ClaimTemplateName);
            yaml.SetString($"{claim}.spec.resources.requests.storage", parameters.StorageRequest);
            if (string.IsNullOrEmpty(parameters.StorageClassName))
            {
                yaml.Remove($"{claim}.spec.storageClassName");
            }
            else
            {
                yaml.SetString($"{claim}.spec.storageClassName", parameters.StorageClassName);
            }

            if (parameters.ClaimRetention is { } retention)
            {
                yaml.SetMap("spec.persistentVolumeClaimRetentionPolicy", [new("whenDeleted", retention.WhenDeleted), new("whenScaled", retention.WhenScaled)]);
            }
        }

        return yaml.ToYaml();
    }

    /// <summary>The busybox DNS probe pod.</summary>
    public string Render(PodParameters parameters)
    {
        var yaml = Load("dns-probe-pod.yaml");
        SetMetadata(yaml, parameters.Name, parameters.Namespace, parameters.Name, parameters.Labels);
        yaml.SetString("spec.containers[0].image", parameters.Image);
        yaml.SetString("spec.containers[0].imagePullPolicy", parameters.ImagePullPolicy);
        yaml.SetMap("metadata.annotations", [new(ImageFlag.Annotation, ImageFlag.Busybox)]);
        return yaml.ToYaml();
    }

    /// <summary>The Deployment of the naming control.</summary>
    public string Render(DeploymentParameters parameters)
    {
        var yaml = Load("deployment.yaml");
        SetWorkload(yaml, parameters.Name, parameters.Namespace, parameters.Labels, parameters.Image, parameters.ImagePullPolicy, ImageFlag.Busybox);
        yaml.SetInt("spec.replicas", parameters.Replicas);
        return yaml.ToYaml();
    }

    /// <summary>The no-provisioner StorageClass (cluster-scoped: no namespace).</summary>
    public string Render(StorageClassParameters parameters)
    {
        var yaml = Load("no-provisioner-storageclass.yaml");
        yaml.SetString("metadata.name", parameters.Name);
        yaml.SetMap("metadata.labels", parameters.Labels);
        yaml.SetString("volumeBindingMode", parameters.BindingMode.ToString());
        return yaml.ToYaml();
    }

    private YamlDocumentEditor Load(string file) => YamlDocumentEditor.Load(templates.Read(file), file);

    private static void SetWorkload(
        YamlDocumentEditor yaml, string name, string @namespace, IReadOnlyDictionary<string, string> labels, string image, string pullPolicy, string imageFlag)
    {
        SetMetadata(yaml, name, @namespace, name, labels);
        yaml.SetMap("spec.selector.matchLabels", [new("app", name)]);
        yaml.SetMap("spec.template.metadata.labels", WithApp(name, labels));
        // The pods name the flag their image came from, for the one line of a pod that cannot get it (ImageFlag).
        yaml.SetMap("spec.template.metadata.annotations", [new(ImageFlag.Annotation, imageFlag)]);
        yaml.SetString($"{Container}.image", image);
        yaml.SetString($"{Container}.imagePullPolicy", pullPolicy);
    }

    private static void SetMetadata(
        YamlDocumentEditor yaml, string name, string @namespace, string app, IReadOnlyDictionary<string, string> labels)
    {
        yaml.SetString("metadata.name", name);
        yaml.SetString("metadata.namespace", @namespace);
        yaml.SetMap("metadata.labels", WithApp(app, labels));
    }

    private static Dictionary<string, string> WithApp(string app, IReadOnlyDictionary<string, string> labels) =>
        new(labels) { ["app"] = app };
}
