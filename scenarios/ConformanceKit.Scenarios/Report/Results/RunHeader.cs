using ConformanceKit.Scenarios.ClockOffset;

namespace ConformanceKit.Scenarios.Report;

/// <summary>What a run ran on and with: the head of index.html and summary.json (<c>run.json</c> in the artifacts).</summary>
public sealed record RunHeader
{
    /// <summary>The run's id (the session label's value).</summary>
    public required string RunId { get; init; }

    /// <summary>The host the run ran on.</summary>
    public string Host { get; init; } = Environment.MachineName;

    /// <summary>One line naming the target (k3s image and container, or kubeconfig source and server).</summary>
    public required string Target { get; init; }

    /// <summary>The API server's URL.</summary>
    public string? ServerUrl { get; init; }

    /// <summary>The server's gitVersion, e.g. v1.26.0.</summary>
    public string? ServerVersion { get; init; }

    /// <summary>
    /// How far the API server's clock was from the run's machine (server minus local), from the Date headers of the
    /// run's answers; null when not measured. Its warning says when the timing checks' assumption did not hold.
    /// </summary>
    public ClockOffsetBound? ServerClock { get; init; }

    /// <summary>The cluster's nodes with their kubelet and container-runtime versions.</summary>
    public IReadOnlyList<NodeInfo> Nodes { get; init; } = [];

    /// <summary>The storage classes the scenarios use.</summary>
    public IReadOnlyList<StorageClassInfo> StorageClasses { get; init; } = [];

    /// <summary>The images used, by role (workload, busybox, k3s).</summary>
    public IReadOnlyDictionary<string, string> Images { get; init; } = new Dictionary<string, string>();

    /// <summary>When the run started.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the run ended (null while it runs).</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>ConformanceKit's version, with the git commit it was built from when known.</summary>
    public string ToolVersion { get; init; } = ToolVersionInfo.Current;

    /// <summary>End minus start, when ended.</summary>
    public TimeSpan? Duration => End - Start;
}
