using k8s.Models;

namespace ConformanceKit.Scenarios.Workload;

/// <summary>Where Ready comes from for the user's pods: their own readiness probes, or container start when they have none.</summary>
public static class ReadinessSource
{
    /// <summary>Always checked; the reason says what Ready means for this workload.</summary>
    public static PromiseVerdict Judge(V1StatefulSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var containers = set.Spec?.Template?.Spec?.Containers ?? [];
        var probed = containers.Where(c => c.ReadinessProbe is not null).Select(c => $"{c.Name} ({Describe(c.ReadinessProbe)})").ToList();
        var minReady = set.Spec?.MinReadySeconds is > 0 ? $"; available after minReadySeconds {set.Spec.MinReadySeconds}" : "";
        return probed.Count > 0
            ? PromiseVerdict.Check(WorkloadPromises.Readiness, $"Ready is the workload's own readiness probe: {string.Join(", ", probed)}{minReady}")
            : PromiseVerdict.Check(WorkloadPromises.Readiness,
                $"no container has a readinessProbe, so Ready means every container started (and passed its startupProbe, if any){minReady}; add a readinessProbe for the order to follow your application's readiness");
    }

    /// <summary>A short description of a probe: <c>httpGet :8080/healthz</c>, <c>exec redis-cli ping</c>.</summary>
    public static string Describe(V1Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return probe switch
        {
            { HttpGet: { } http } => $"httpGet :{http.Port}{http.Path}",
            { TcpSocket: { } tcp } => $"tcpSocket :{tcp.Port}",
            { Exec: { } exec } => $"exec {string.Join(' ', exec.Command ?? [])}",
            { Grpc: { } grpc } => $"grpc :{grpc.Port}",
            _ => "a probe without handler",
        };
    }
}
