namespace ConformanceKit.Scenarios.Workload;

/// <summary>Helm hook documents in <c>helm template</c> output.</summary>
internal static class HelmHooks
{
    public const string Annotation = "helm.sh/hook";

    /// <summary>True for a test hook (<c>test</c>, or the older <c>test-success</c>/<c>test-failure</c>): an install never runs it.</summary>
    public static bool IsTestHook(WorkloadDocument document) =>
        document.Node.Map("metadata")?.Map("annotations")?.Text(Annotation) is { } hooks
        && hooks.Split(',', StringSplitOptions.TrimEntries).Any(h => h is "test" or "test-success" or "test-failure");
}
