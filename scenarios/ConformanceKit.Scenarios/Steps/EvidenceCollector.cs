using System.Globalization;
using System.Text;
using ConformanceKit.Scenarios.Kubernetes;
using k8s;
using k8s.Models;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>
/// Writes what a person needs to understand a failed scenario into a directory: the timeline, the namespace's
/// events, pod and claim states, and every container's log. A piece that cannot be read says why in its file.
/// </summary>
public static class EvidenceCollector
{
    /// <summary>Writes the evidence files; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> CollectAsync(
        KubeClient client, string @namespace, Timeline.Timeline? timeline, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        if (timeline is not null)
        {
            files.Add(Write(directory, "timeline.txt", TimelineText.Render(timeline)));
        }

        files.Add(Write(directory, "events.txt", await TryAsync(() => EventsAsync(client, @namespace, cancellationToken)).ConfigureAwait(false)));
        var pods = await TryListAsync<V1Pod>(client, @namespace, cancellationToken).ConfigureAwait(false);
        files.Add(Write(directory, "pods.txt", pods.Error ?? string.Join(Environment.NewLine, pods.Items.Select(Describe))));
        var claims = await TryListAsync<V1PersistentVolumeClaim>(client, @namespace, cancellationToken).ConfigureAwait(false);
        files.Add(Write(directory, "pvcs.txt", claims.Error ?? string.Join(Environment.NewLine, claims.Items.Select(Describe))));
        foreach (var pod in pods.Items)
        {
            foreach (var container in pod.Spec?.Containers ?? [])
            {
                var name = pod.Metadata.Name ?? "?";
                var log = await TryAsync(() => client.GetLogsAsync(@namespace, name, container.Name, cancellationToken)).ConfigureAwait(false);
                files.Add(Write(directory, $"logs-{name}-{container.Name}.txt", log));
            }
        }

        return files;
    }

    private static async Task<string> EventsAsync(KubeClient client, string @namespace, CancellationToken cancellationToken)
    {
        var events = await client.ListAsync<Corev1Event>(@namespace, null, cancellationToken).ConfigureAwait(false);
        return string.Join(Environment.NewLine, events.Items
            .OrderBy(e => e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp)
            .Select(e => string.Create(CultureInfo.InvariantCulture,
                $"{e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp:O} {e.Type} {e.Reason} {e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name} x{e.Count ?? 1}: {e.Message}")));
    }

    private static string Describe(V1Pod pod)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"{pod.Metadata.Name} uid={pod.Metadata.Uid} phase={pod.Status?.Phase} ip={pod.Status?.PodIP} node={pod.Spec?.NodeName} " +
            $"created={pod.Metadata.CreationTimestamp:O} deletion={pod.Metadata.DeletionTimestamp:O}");
        foreach (var condition in pod.Status?.Conditions ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}    {condition.Type}={condition.Status} since {condition.LastTransitionTime:O} {condition.Reason} {condition.Message}");
        }

        foreach (var container in pod.Status?.ContainerStatuses ?? [])
        {
            var state = container.State?.Waiting is { } w ? $"waiting {w.Reason}: {w.Message}"
                : container.State?.Terminated is { } t ? $"terminated {t.Reason} exit {t.ExitCode}"
                : container.State?.Running is not null ? "running" : "unknown";
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}    container {container.Name} ready={container.Ready} restarts={container.RestartCount} {state}");
        }

        return text.ToString();
    }

    private static string Describe(V1PersistentVolumeClaim claim) => string.Create(CultureInfo.InvariantCulture,
        $"{claim.Metadata.Name} uid={claim.Metadata.Uid} phase={claim.Status?.Phase} volume={claim.Spec?.VolumeName} " +
        $"class={claim.Spec?.StorageClassName} created={claim.Metadata.CreationTimestamp:O} deletion={claim.Metadata.DeletionTimestamp:O}");

    private static async Task<(IReadOnlyList<T> Items, string? Error)> TryListAsync<T>(KubeClient client, string @namespace, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return ((await client.ListAsync<T>(@namespace, null, cancellationToken).ConfigureAwait(false)).Items, null);
        }
        catch (Exception ex)
        {
            return ([], $"could not list {ApiType.Of<T>().Kind} in {@namespace}: {ex.Message}");
        }
    }

    private static async Task<string> TryAsync(Func<Task<string>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return $"could not be read: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string Write(string directory, string file, string content)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, content);
        return path;
    }
}
