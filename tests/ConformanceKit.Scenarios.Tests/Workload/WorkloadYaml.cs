namespace ConformanceKit.Scenarios.Tests.Workload;

/// <summary>Small manifests for the workload tests, written as a user would.</summary>
internal static class WorkloadYaml
{
    public const string HeadlessService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          clusterIP: None
          selector:
            app: db
          ports:
          - port: 5432
        """;

    public static string StatefulSet(string name = "db", string service = "db", string extraSpec = "", string extraContainer = "", string claims = "") => $"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: {name}
        spec:
          serviceName: {service}
          replicas: 3
          selector:
            matchLabels:
              app: db
        {Indent(extraSpec, 2)}
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: main
                image: postgres:16
        {Indent(extraContainer, 8)}
        {Indent(claims, 2)}
        """;

    public static string Join(params string[] documents) => string.Join("\n---\n", documents) + "\n";

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
