using ConformanceKit.Scenarios.Timeline;

namespace ConformanceKit.Scenarios.Tests.Recording;

/// <summary>
/// The facts of a timeline that do not depend on the observer's clock (server times, UIDs, IPs, phases), one line
/// per pod, claim and event, so two recordings of the same streams can be compared.
/// </summary>
internal static class TimelineProjection
{
    public static IReadOnlyList<string> Of(Timeline.Timeline timeline) =>
    [
        .. timeline.Pods.OrderBy(p => p.Uid, StringComparer.Ordinal).Select(p =>
            $"pod {p.Name} {p.Uid} created={p.Created.Server:O} scheduled={p.Scheduled?.Server:O} running={p.Running?.Server:O} " +
            $"ready=[{string.Join(",", p.ReadyTransitions.Select(r => $"{r.Ready}@{r.At.Server:O}"))}] " +
            $"phases=[{string.Join(",", p.Phases.Select(x => x.Phase))}] terminating={p.TerminationRequested?.Server:O} " +
            $"gone={p.Gone is not null} ips=[{string.Join(",", p.Ips)}] node={p.Node} host={p.Hostname}.{p.Subdomain} " +
            $"claims=[{string.Join(",", p.ClaimNames)}]"),
        .. timeline.Claims.OrderBy(c => c.Uid, StringComparer.Ordinal).Select(c =>
            $"pvc {c.Name} {c.Uid} class={c.StorageClass} phases=[{string.Join(",", c.Phases.Select(x => x.Phase))}] " +
            $"volumes=[{string.Join(",", c.VolumeNames)}] gone={c.Gone is not null}"),
        .. timeline.Events.Select(e => $"event {e.InvolvedKind}/{e.InvolvedName} {e.Type} {e.Reason} x{e.Count} at={e.At.Server:O}")
            .Order(StringComparer.Ordinal),
    ];
}
