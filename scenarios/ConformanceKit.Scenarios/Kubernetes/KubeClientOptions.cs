namespace ConformanceKit.Scenarios.Kubernetes;

/// <summary>Client behaviour. Defaults are the values documented on each property.</summary>
public sealed record KubeClientOptions
{
    /// <summary>Overall deadline for retrying transient failures of one request. Default 30 s.</summary>
    public TimeSpan RetryDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Field manager for server-side apply. Default "conformancekit".</summary>
    public string FieldManager { get; init; } = "conformancekit";

    /// <summary>Timeout of one non-watch HTTP request. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives warnings (insecure TLS, Warning headers from the server). Default: standard error.</summary>
    public Action<string> Warn { get; init; } = message => Console.Error.WriteLine($"warning: {message}");
}
