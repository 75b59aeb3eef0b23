namespace ConformanceKit.Scenarios.Workload;

/// <summary>Why a cluster-scoped document is not applied.</summary>
internal static class ClusterScope
{
    public static string Refusal(string kind) =>
        $"{kind} is cluster-scoped, and each scenario applies the workload only into its own namespace: a test must not create or change what it does not own beyond that namespace (other tests and workloads share cluster-scoped objects, and deleting the namespace would leave it behind); create it on the cluster beforehand and remove it from the files";
}
