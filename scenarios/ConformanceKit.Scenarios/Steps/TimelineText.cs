using System.Text;
using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Steps;

/// <summary>A plain-text rendering of a timeline for evidence files: steps, pods, claims and events.</summary>
public static class TimelineText
{
    /// <summary>Renders every fact with the clock it comes from (server or observed).</summary>
    public static string Render(Timeline.Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new StringBuilder();
        text.AppendLine("# times marked (server) are the API server's timestamps; (observed) is the harness's clock");
        text.AppendLine("## steps (observed)");
        foreach (var step in timeline.Steps)
        {
            text.AppendLine(FormattableString.Invariant($"{step.At:HH:mm:ss.fff}Z {step.Label}"));
        }

        text.AppendLine("## pods");
        foreach (var pod in timeline.Pods)
        {
            text.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{pod.Label} node={pod.Node ?? "-"} ips=[{string.Join(", ", pod.Ips)}] created {pod.Created}, scheduled {Show(pod.Scheduled)}, " +
                $"running {Show(pod.Running)}, ready {Show(pod.Ready)}, deletion requested {Show(pod.TerminationRequested)}, gone {Show(pod.Gone)}"));
            foreach (var transition in pod.ReadyTransitions)
            {
                text.AppendLine(FormattableString.Invariant($"    Ready={transition.Ready} at {transition.At}"));
            }
        }

        text.AppendLine("## claims");
        foreach (var claim in timeline.Claims)
        {
            text.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{claim.Name} ({claim.Uid}) class={claim.StorageClass ?? "-"} phases=[{string.Join(" → ", claim.Phases.Select(p => $"{p.Phase} {p.At}"))}] " +
                $"volumes=[{string.Join(", ", claim.VolumeNames)}] gone {Show(claim.Gone)}"));
        }

        text.AppendLine("## events");
        foreach (var e in timeline.Events)
        {
            text.AppendLine(FormattableString.Invariant($"{e.At} {e.Type} {e.Reason} {e.InvolvedKind}/{e.InvolvedName} x{e.Count}: {e.Message}"));
        }

        return text.ToString();
    }

    private static string Show(Instant? instant) => instant?.ToString() ?? "never";
}
