using ConformanceKit.Scenarios.Workload;
using k8s.Models;

namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>Typed StatefulSets for the capability tests, read through the loader from YAML as a user writes it.</summary>
internal static class WorkloadSets
{
    public const string DataClaim = """
        volumeClaimTemplates:
        - metadata: {name: data}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
        """;

    public static V1StatefulSet Set(string extraSpec = "", string extraContainer = "", string claims = "") =>
        ManifestLoader.Load("db.yaml", WorkloadYaml.StatefulSet(extraSpec: extraSpec, extraContainer: extraContainer, claims: claims)).Single().As<V1StatefulSet>()!;

    public static V1StatefulSet WithData(string extraSpec = "", string mount = "volumeMounts:\n- {name: data, mountPath: /var/lib/postgresql/data}") =>
        Set(extraSpec, mount, DataClaim);
}
